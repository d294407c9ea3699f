# Scores a scan of test.jsonl.gz against its labels: ROC-AUC, recall and precision of the flag, the score that
# reaches recall 0.9, ECE, misses by category, and stated minors flagged.
#   redflag scan -q Models/training/third/test.jsonl.gz > /tmp/c3.jsonl
#   python3 Models/training/third/evaluate.py Models/training/third/test.jsonl.gz /tmp/c3.jsonl
import json,gzip,sys
lab={}
for l in gzip.open(sys.argv[1],'rt'):
    r=json.loads(l); lab[r['id']]=r
res=[json.loads(l) for l in open(sys.argv[2])]
ys=[];ss=[];fl=[]
for r in res:
    g=lab[r['id']]; y=g['label']=='suspicious'
    ys.append(y); ss.append(r.get('score',0)); fl.append(r.get('flagged',False))
def auc(ys,ss):
    pos=[s for y,s in zip(ys,ss) if y]; neg=[s for y,s in zip(ys,ss) if not y]
    import bisect
    negs=sorted(neg); tot=0
    for p in pos:
        lo=bisect.bisect_left(negs,p); hi=bisect.bisect_right(negs,p)
        tot+=lo+(hi-lo)/2
    return tot/(len(pos)*len(neg))
tp=sum(y and f for y,f in zip(ys,fl)); fp=sum((not y) and f for y,f in zip(ys,fl)); P=sum(ys)
print('AUC %.3f  flagged: recall %.3f precision %.3f  (tp %d fp %d of %d pos)'%(auc(ys,ss),tp/P,tp/max(tp+fp,1),tp,fp,P))
# best threshold for recall>=0.9
pairs=sorted(zip(ss,ys),reverse=True); tp=0;fp=0
for s,y in pairs:
    tp+=y; fp+=not y
    if tp/P>=0.9: print('score threshold for R>=0.9: %.3f precision %.3f'%(s,tp/(tp+fp))); break
# ECE
bins=[[] for _ in range(10)]
for y,s in zip(ys,ss): bins[min(int(s*10),9)].append((y,s))
ece=sum(abs(sum(y for y,_ in b)/len(b)-sum(s for _,s in b)/len(b))*len(b) for b in bins if b)/len(ys)
print('ECE %.3f'%ece)
# misses by category & fp by category
from collections import Counter
miss=Counter(); fpc=Counter()
for r,y,f in zip(res,ys,fl):
    g=lab[r['id']]
    if y and not f: miss[g['category']]+=1
    if f and not y: fpc[g['category']]+=1
print('missed by cat', dict(miss), 'fp by cat', dict(fpc))
m=[(r,lab[r['id']]) for r,y,f in zip(res,ys,fl) if y and not f]
minors=[g for g in lab.values() if g['stated_age'] is not None and g['stated_age']<18]
flagmin=sum(1 for r in res if lab[r['id']]['stated_age'] is not None and lab[r['id']]['stated_age']<18 and r.get('flagged'))
print('minor-age ads', len(minors), 'flagged', flagmin)

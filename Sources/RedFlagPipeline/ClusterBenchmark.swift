import RedFlagContract
public import RedFlagFeatures

#if canImport(Glibc)
import Glibc
#endif

/// Times the in-batch clustering a scan does (``TemplateClusters``) over many ads: `redflag bench --stages cluster`.
///
/// The ads are made from real texts' words (as the signature reads them, ``TemplateShingles/words(view:original:phones:)``),
/// so lengths and vocabulary are an ad's: a share of them are one-off ads, the rest reposts of a smaller set of
/// templates with 0 to 20 % of their words deleted, replaced or added, some templates reposted thousands of times.
/// The signatures are made in chunks of 10,000 between timed stretches of clustering, so only clustering is timed
/// (on the calling thread's CPU clock and the wall clock) and the process holds one chunk of ads at a time, as a
/// streaming scan does.
public struct ClusterBenchmark {
    public struct Report: Sendable {
        public var ads: Int
        public var templates: Int
        /// Ads whose signature was made (all but the too short).
        public var signed: Int
        /// CPU seconds of the calling thread, and wall-clock seconds, to cluster them all.
        public var cpuSeconds: Double
        public var wallSeconds: Double
        /// Templates that more than one ad repeats, the ads in them, and the largest.
        public var repeatedTemplates: Int
        public var adsInRepeatedTemplates: Int
        public var largestTemplate: Int
        /// Ads kept for matching (not near copies), and the bytes the clustering held at the end.
        public var keptAds: Int
        public var heldBytes: Int
        /// Peak resident memory of the process before clustering (the texts and their words) and after it (before
        /// the scoring's tables).
        public var residentBeforeMegabytes: Double
        public var peakResidentMegabytes: Double
        /// Pair precision and recall against the truth (a repost and its template's other ads are one text; each
        /// one-off ad its own).
        public var pairPrecision: Double
        public var pairRecall: Double
    }

    let texts: [String]
    let features: FeatureExtractor

    /// - Parameter texts: ads' texts to take words from (the generated corpus, say).
    public init(texts: [String], features: FeatureExtractor) {
        self.texts = texts
        self.features = features
    }

    /// Makes `ads` signatures (a `oneOffShare` of them one-off ads, the rest reposts of `templates` templates) and
    /// clusters them.
    public func run(ads: Int, templates: Int, oneOffShare: Double = 0.4, threshold: Double = TemplateClusters.defaultThreshold)
        -> Report
    {
        let scratch = FeatureScratch()
        let bases = texts.map { features.templateWords(ofText: $0, scratch: scratch) }.filter { $0.count >= 16 }
        precondition(!bases.isEmpty, "no text long enough to make ads from")
        var vocabulary: [UInt64] = []
        for words in bases { vocabulary += words.filter { !TemplateShingles.placeholders.contains($0) } }
        var random = SplitMix(seed: 19)
        /// A text of its own: a base with 70 % of its words replaced by words from anywhere in the corpus (two such
        /// texts from one base share about 1 % of their shingles: the corpus's 6,000 ads give 100,000 templates
        /// that are not each other's near copies).
        func distinct(_ random: inout SplitMix) -> [UInt64] {
            var words = bases[random.below(bases.count)]
            for k in words.indices where random.unit() < 0.7 { words[k] = vocabulary[random.below(vocabulary.count)] }
            return words
        }
        /// Template t's text, made again from its own seed whenever a repost needs it (kept, 100,000 templates'
        /// words would be a benchmark's memory, not the clustering's).
        func templateText(_ t: Int) -> [UInt64] {
            var own = SplitMix(seed: 0x7E3A_0000 &+ UInt64(t))
            return distinct(&own)
        }
        /// A repost: `share` of the words deleted, replaced or added, in equal parts.
        func edited(_ words: [UInt64], share: Double) -> [UInt64] {
            var out: [UInt64] = []
            out.reserveCapacity(words.count + 8)
            for word in words {
                guard random.unit() < share else {
                    out.append(word)
                    continue
                }
                switch random.below(3) {
                case 0: break
                case 1: out.append(vocabulary[random.below(vocabulary.count)])
                default:
                    out.append(word)
                    out.append(vocabulary[random.below(vocabulary.count)])
                }
            }
            return out
        }
        let templates = max(1, templates)
        let edits = [0.0, 0.05, 0.1, 0.2]
        let before = Self.peakResidentMegabytes()

        let clusters = TemplateClusters(threshold: threshold)
        // Each ad's cluster (hashed) and its truth, for pair precision and recall.
        var predicted: [UInt64] = []
        var truth: [Int64] = []
        predicted.reserveCapacity(ads)
        truth.reserveCapacity(ads)
        var signed = 0
        var cpuNanoseconds: UInt64 = 0
        var wallNanoseconds: UInt64 = 0
        // Made and clustered in chunks: only clustering is timed, and the ads waiting are one chunk's.
        var chunk: [(signature: TemplateSignature, template: Int32)] = []
        var shingles: [UInt64] = []
        var made = 0
        while made < ads {
            chunk.removeAll(keepingCapacity: true)
            while made < ads && chunk.count < 10_000 {
                made += 1
                let template: Int
                let words: [UInt64]
                if random.unit() < oneOffShare {
                    template = -1
                    words = distinct(&random)
                } else {
                    // Skewed: a few templates take most reposts (the square of a uniform number).
                    let u = random.unit()
                    template = min(templates - 1, Int(u * u * Double(templates)))
                    words = edited(templateText(template), share: edits[random.below(edits.count)])
                }
                guard let signature = TemplateShingles.signature(ofWords: words, shingles: &shingles) else { continue }
                chunk.append((signature, Int32(template)))
            }
            let wallStart = Self.wallNanoseconds()
            let cpuStart = threadCPUNanoseconds()
            var results: [String?] = []
            results.reserveCapacity(chunk.count)
            for (k, ad) in chunk.enumerated() {
                results.append(clusters.add(ad.signature, sha256: Self.hex(UInt64(signed + k))))
            }
            cpuNanoseconds += threadCPUNanoseconds() - cpuStart
            wallNanoseconds += Self.wallNanoseconds() - wallStart
            // Kept for scoring, untimed (every ad here is signed, so each has an id).
            for (k, ad) in chunk.enumerated() {
                guard let id = results[k] else { preconditionFailure("a signed ad has a template id") }
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
                predicted.append(hash)
                truth.append(ad.template >= 0 ? Int64(ad.template) : -1 - Int64(signed + k))
            }
            signed += chunk.count
        }
        let peak = Self.peakResidentMegabytes()
        func pairCount<K: Hashable>(_ keys: some Sequence<K>) -> Int {
            var counts: [K: Int] = [:]
            for key in keys { counts[key, default: 0] += 1 }
            return counts.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        }
        let pairs = (
            predicted: pairCount(predicted), truth: pairCount(truth),
            correct: pairCount(zip(predicted, truth).lazy.map { TemplateSignature.mix($0 ^ TemplateSignature.mix(UInt64(bitPattern: $1))) })
        )
        let cpu = Double(cpuNanoseconds) / 1e9
        let wall = Double(wallNanoseconds) / 1e9
        return Report(
            ads: ads, templates: templates, signed: signed, cpuSeconds: cpu, wallSeconds: wall,
            repeatedTemplates: clusters.repeatedTemplates, adsInRepeatedTemplates: clusters.adsInRepeatedTemplates,
            largestTemplate: clusters.largestTemplate, keptAds: clusters.keptAds, heldBytes: clusters.heldBytes,
            residentBeforeMegabytes: before, peakResidentMegabytes: peak,
            pairPrecision: pairs.predicted == 0 ? 1 : Double(pairs.correct) / Double(pairs.predicted),
            pairRecall: pairs.truth == 0 ? 1 : Double(pairs.correct) / Double(pairs.truth))
    }

    /// 64 hex digits from a number, shaped like a content hash.
    static func hex(_ n: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: 64)
        var x = TemplateSignature.mix(n)
        for k in 0..<16 {
            out[k] = digits[Int(x & 15)]
            x >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func wallNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

/// SplitMix64: a small seeded generator, so a benchmark or fixture makes the same ads every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return TemplateSignature.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

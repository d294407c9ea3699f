public import RedFlagContract

/// The word 2-shingles (pairs of neighbouring words) a ``TemplateSignature`` is built from, with what changes between reposts masked.
///
/// Read from the lexicon's word view (lower-case, look-alikes folded, leet undone), so `Sw33t` and `sweet` are one
/// word. Masked, each to one placeholder (a run of the same placeholder counts once, so "Las Vegas" and "Reno" agree):
/// - any word with a digit (phones, prices, ages, dates, times, post ids);
/// - the words of a phone number however it is written ("seven zero two …", from the extractor's phone ranges);
/// - e-mail addresses and links (any chunk with `@`, `http` or `www.`);
/// - names and places: a word capitalised in the original (`Sofia`, `Vegas`) that does not open a sentence. An ad
///   written in Title Case or capitals throughout keeps its words, since there capitals say nothing.
public enum TemplateShingles {
    /// Fewer distinct shingles than this (about nine words) give no signature: "call me now" is everyone's text.
    public static let minimumShingles = 8
    /// An ad in which more than this share of words would be masked as names is written in Title Case: names are
    /// then left as they are.
    static let titleCaseShare = 0.3
    /// Words per shingle. Pairs rather than triples: one rewritten word in ten leaves about 0.68 of the pairs
    /// shared but only 0.57 of the triples, and pairs still tell apart different ads of one site (README, "Template
    /// clusters", has the measurement).
    public static let shingleLength = 2

    static let numberToken: UInt64 = 0x4E55_4D42_4552_0001
    static let contactToken: UInt64 = 0x434F_4E54_4143_0002
    static let nameToken: UInt64 = 0x4E41_4D45_0000_0003

    /// The shingle hashes of the ad whose word view is `view`, `original` being the text it came from and `phones`
    /// the byte ranges of its phone numbers in `original`.
    public static func hashes(view: MatchingText, original: [UInt8], phones: [Range<Int>]) -> [UInt64] {
        var buffers = Buffers()
        original.withUnsafeBufferPointer { shingles(view: view, original: $0, phones: phones, into: &buffers) }
        return buffers.shingles
    }

    /// The ad's signature, nil when it has fewer than ``minimumShingles`` shingles. Reuses `buffers` (a worker's
    /// scratch), so signing allocates nothing but the signature's values.
    static func signature(view: MatchingText, original: String, phones: [Range<Int>], buffers: inout Buffers)
        -> TemplateSignature?
    {
        let shingled: Void? = original.utf8.withContiguousStorageIfAvailable { original in
            shingles(view: view, original: original, phones: phones, into: &buffers)
        }
        if shingled == nil {
            // A bridged string without contiguous UTF-8: copied once.
            Array(original.utf8).withUnsafeBufferPointer {
                shingles(view: view, original: $0, phones: phones, into: &buffers)
            }
        }
        guard buffers.shingles.count >= minimumShingles else { return nil }
        return buffers.shingles.withUnsafeBufferPointer { TemplateSignature(shingleHashes: $0) }
    }

    /// Working arrays of one signing, kept by a worker between ads.
    struct Buffers {
        /// Each word's hash, and whether it reads as a name.
        var tokens: [UInt64] = []
        var names: [Bool] = []
        /// The words after masking (runs of one placeholder counted once).
        var words: [UInt64] = []
        var shingles: [UInt64] = []
    }

    /// Fills `buffers.shingles` with the shingle hashes.
    static func shingles(
        view: MatchingText, original: UnsafeBufferPointer<UInt8>, phones: [Range<Int>], into buffers: inout Buffers
    ) {
        buffers.tokens.removeAll(keepingCapacity: true)
        buffers.names.removeAll(keepingCapacity: true)
        buffers.words.removeAll(keepingCapacity: true)
        buffers.shingles.removeAll(keepingCapacity: true)
        var names = 0
        view.bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                while i < n && isSpace(bytes[i]) { i += 1 }
                guard i < n else { break }
                var chunkEnd = i
                while chunkEnd < n && !isSpace(bytes[chunkEnd]) { chunkEnd += 1 }
                if isContact(UnsafeBufferPointer(rebasing: bytes[i..<chunkEnd])) {
                    buffers.tokens.append(contactToken)
                    buffers.names.append(false)
                    i = chunkEnd
                    continue
                }
                // Words inside the chunk: letters, digits and non-ASCII bytes.
                var k = i
                while k < chunkEnd {
                    while k < chunkEnd && !isWordByte(bytes[k]) { k += 1 }
                    guard k < chunkEnd else { break }
                    let start = k
                    var hasDigit = false
                    var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
                    while k < chunkEnd && isWordByte(bytes[k]) {
                        if bytes[k] &- 48 < 10 { hasDigit = true }
                        hash = (hash ^ UInt64(bytes[k])) &* 0x100_0000_01B3
                        k += 1
                    }
                    if hasDigit {
                        buffers.tokens.append(numberToken)
                        buffers.names.append(false)
                        continue
                    }
                    let source = view.sourceRange(of: start..<k)
                    if !phones.isEmpty && phones.contains(where: { $0.overlaps(source) }) {
                        buffers.tokens.append(numberToken)
                        buffers.names.append(false)
                    } else {
                        let name = isName(original, at: source.lowerBound)
                        if name { names += 1 }
                        buffers.tokens.append(hash)
                        buffers.names.append(name)
                    }
                }
                i = chunkEnd
            }
        }
        let count = buffers.tokens.count
        let masksNames = count == 0 || Double(names) / Double(count) <= titleCaseShare
        for k in 0..<count {
            let hash = masksNames && buffers.names[k] ? nameToken : buffers.tokens[k]
            let isMask = hash == numberToken || hash == contactToken || hash == nameToken
            if isMask && buffers.words.last == hash { continue }
            buffers.words.append(hash)
        }
        appendShingles(of: buffers.words, to: &buffers.shingles)
    }

    /// Appends the shingles of a word sequence (each word a hash, as ``words(view:original:phones:)`` gives them).
    static func appendShingles(of words: [UInt64], to shingles: inout [UInt64]) {
        guard words.count >= shingleLength else { return }
        shingles.reserveCapacity(shingles.count + words.count - shingleLength + 1)
        // Through a buffer pointer: a slice of the array per shingle cost a retain and a release each.
        words.withUnsafeBufferPointer { words in
            for k in 0...(words.count - shingleLength) {
                var hash: UInt64 = 0
                for j in k..<(k + shingleLength) { hash = TemplateSignature.mix(hash ^ words[j]) }
                shingles.append(hash)
            }
        }
    }

    /// The ad's words as the signature reads them: each a hash, contacts, numbers and (unless the ad is in Title
    /// Case) names as placeholders, a run of one placeholder once. For benchmarks and fixtures that make edited
    /// copies of an ad without reading text again.
    public static func words(view: MatchingText, original: [UInt8], phones: [Range<Int>]) -> [UInt64] {
        var buffers = Buffers()
        original.withUnsafeBufferPointer { shingles(view: view, original: $0, phones: phones, into: &buffers) }
        return buffers.words
    }

    /// The signature of a word sequence (as ``words(view:original:phones:)`` gives it); nil when it has fewer than
    /// ``minimumShingles`` shingles.
    public static func signature(ofWords words: [UInt64], shingles: inout [UInt64]) -> TemplateSignature? {
        shingles.removeAll(keepingCapacity: true)
        appendShingles(of: words, to: &shingles)
        guard shingles.count >= minimumShingles else { return nil }
        return shingles.withUnsafeBufferPointer { TemplateSignature(shingleHashes: $0) }
    }

    /// Placeholders of masked words: a word hash equal to one of these is not a word of the ad's own.
    public static let placeholders: Set<UInt64> = [numberToken, contactToken, nameToken]

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 10 || b == 9 || b == 13 }
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { b &- 97 < 26 || b &- 48 < 10 || b >= 0x80 }

    /// Whether a chunk is an e-mail address or a link. Compares bytes in place: it runs on every chunk of every ad.
    static func isContact(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if chunk.contains(UInt8(ascii: "@")) { return true }
        guard chunk.count >= 4 else { return false }
        let (a, b, c, d) = (chunk[0], chunk[1], chunk[2], chunk[3])
        return (a, b, c, d) == (0x68, 0x74, 0x74, 0x70) || (a, b, c, d) == (0x77, 0x77, 0x77, 0x2E)  // "http", "www."
    }

    /// Whether the word starting at `offset` in the original is capitalised (an upper-case ASCII letter then a
    /// lower-case one) and does not open a sentence, a title segment or the text.
    static func isName(_ original: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + 1 < original.count, original[offset] &- 65 < 26, original[offset + 1] &- 97 < 26 else {
            return false
        }
        var k = offset - 1
        while k >= 0 && (original[k] == 32 || original[k] == 9 || original[k] == 34 || original[k] == 39) { k -= 1 }
        guard k >= 0 else { return false }
        switch original[k] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"),
            UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: "*"), UInt8(ascii: ","), 10, 13:
            // A comma is not a sentence end, but "Hi, Sofia here" and "Sweet, Caring" both follow one; the list of
            // traits after a comma is the commoner, so it is read as text.
            return false
        default:
            // After an emoji or other symbol a word opens a segment, as after a full stop.
            return original[k] < 0x80
        }
    }
}

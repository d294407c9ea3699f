/// A page that says its ad is gone, and lists other ads instead.
///
/// Crawls and dumps hold many of them: in the public DIG training set, 210 of 494 pages are Backpage's "The requested
/// ad could not be found." followed by "Recent … ads.", a sidebar of other people's ads (job offers with their
/// phones and e-mails, escort ads with theirs). Read whole, such a page takes on the families, phones and ages of
/// ads that are not the one it stands for, and a reviewer would link it by a stranger's phone. The indicator guide
/// says so: families (and so contacts) are read "from the title and the visible main text (not sidebars, not other
/// ads)".
///
/// So the ad's own text ends with the notice: what comes after it is read for the page's category only (the listing
/// says which section the page belongs to, and a page that opens with the notice has nothing else to say it).
///
/// The notices are the ones the major classified sites print, matched without regard to case, and only near the
/// top of the page (within ``searchedPrefix`` bytes), where a site puts them, so an ad that quotes one deep in
/// its text is read as written.
public enum RemovedAdNotice {
    /// How far into the page a notice is looked for, in UTF-8 bytes.
    public static let searchedPrefix = 1500

    /// The notices, lower-case.
    static let notices: [[UInt8]] = [
        "the requested ad could not be found",  // Backpage
        "this posting has been deleted by its author",  // Craigslist
        "this posting has been flagged for removal",
        "this posting has expired",
        "this ad has been removed",
        "this ad is no longer available",
        "this listing is no longer available",
        "this ad has expired",
    ].map { Array($0.utf8) }

    /// Where the ad's own text ends: the UTF-8 offset just past the notice's sentence (its full stop or exclamation
    /// mark, when one follows), or nil when the page carries no notice.
    public static func ownTextEnd(in text: String) -> Int? {
        var text = text  // withUTF8 makes a bridged or lazy string contiguous first, so it needs its own copy
        return text.withUTF8 { search($0) }
    }

    private static func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = min(bytes.count, searchedPrefix)
        var start = 0
        while start < limit {
            // Every notice starts with "th".
            if lower(bytes[start]) == UInt8(ascii: "t"), start + 1 < bytes.count, lower(bytes[start + 1]) == UInt8(ascii: "h"),
                start == 0 || !isWordByte(bytes[start - 1])
            {
                for notice in notices where matches(notice, bytes, at: start) {
                    var end = start + notice.count
                    if end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "!") { end += 1 }
                    return end
                }
            }
            start += 1
        }
        return nil
    }

    private static func matches(_ notice: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + notice.count <= bytes.count else { return false }
        for k in 0..<notice.count where lower(bytes[start + k]) != notice[k] { return false }
        let after = start + notice.count
        return after == bytes.count || !isWordByte(bytes[after])
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }
    @inline(__always) private static func isWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- 97 < 26 || b &- 48 < 10 || b >= 0x80
    }
}

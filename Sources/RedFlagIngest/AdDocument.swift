/// What an ad page says once its markup and page chrome are gone.
///
/// `text` is the main visible text: the ad itself, without scripts, styles, comments, the page head, navigation,
/// headers, footers, asides and blocks marked as sidebars or other ads. Block boundaries become line breaks and
/// runs of spaces collapse to one, so indicator offsets point at text a reviewer can read.
public struct AdDocument: Sendable, Equatable {
    /// The page `<title>`, or `og:title` when there is no title element.
    public var title: String
    /// Main visible text, one line per block.
    public var text: String
    /// `description`, `keywords` and Open Graph (`og:*`) meta values, keyed by their lowercased name or property.
    public var meta: [String: String]
    /// `href` values of links in the main content, in document order (at most ``HTMLExtractor/maximumLinks``).
    public var links: [String]
    /// Images in the main content.
    public var imageCount: Int
    /// The character set the bytes were decoded with (`utf-8`, `windows-1252`, `utf-16le`, …).
    public var encoding: String
    /// Whether invalid byte sequences were replaced with U+FFFD while decoding.
    public var repairedEncoding: Bool
    /// Attributes dropped from start tags that carried more than libxml2 is given per element (``AttributeCap``).
    public var attributesDropped = 0

    public init(
        title: String = "", text: String, meta: [String: String] = [:], links: [String] = [], imageCount: Int = 0,
        encoding: String = "utf-8", repairedEncoding: Bool = false
    ) {
        self.title = title
        self.text = text
        self.meta = meta
        self.links = links
        self.imageCount = imageCount
        self.encoding = encoding
        self.repairedEncoding = repairedEncoding
    }
}

/// Recognises `class` and `id` values that mark a block as page chrome rather than the ad.
///
/// Classified sites put other ads' titles in sidebars ("related ads", "similar listings"), and those titles are
/// full of indicator words that must not be credited to this ad. The check is on tokens and on their `-`/`_`
/// parts, so `related-ads` and `sidebar-right` are chrome while `ad-header` (the ad's own title block) and
/// `massage-menu` (a spa's price list) are not.
enum ChromeMarkers {
    /// A part of a class/id token (split on `-` and `_`) that marks chrome wherever it appears.
    static let parts: Set<String> = [
        "sidebar", "sidenav", "related", "similar", "recommended", "recommendations", "sponsored", "breadcrumb",
        "breadcrumbs", "navbar", "nav", "navigation", "footer", "cookie", "cookies", "masthead", "topbar", "widget",
        "widgets", "promo", "promoted", "share", "sharing", "social", "pagination", "pager", "comments", "otherads",
        "moreads", "relatedads", "similarads", "featured", "carousel", "newsletter", "disclaimer",
    ]
    /// Whole tokens that mark chrome only on their own.
    static let tokens: Set<String> = [
        "header", "site-header", "page-header", "global-header", "top-header", "menu", "main-menu", "mainmenu",
        "top-menu", "menubar", "aside", "other-ads", "more-ads", "other_ads", "more_ads", "other-listings",
        "more-listings", "also-like", "you-may-also-like",
    ]
    /// Adjacent part pairs that mark chrome together ("other ads", "more listings", "side bar").
    static let pairs: Set<String> = [
        "other ads", "more ads", "other listings", "more listings", "other posts", "more posts", "side bar",
        "top bar", "nav bar", "also like", "more from", "recent ads", "latest ads", "hot ads", "top ads",
    ]

    /// Whether a `class` or `id` attribute value marks chrome.
    static func isChrome(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var tokens: [String] = []
        var current: [UInt8] = []
        for b in value {
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 12 {
                if !current.isEmpty {
                    tokens.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            } else {
                current.append(b >= 65 && b <= 90 ? b + 32 : b)
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens.contains(where: isChromeToken)
    }

    static func isChromeToken(_ token: String) -> Bool {
        if tokens.contains(token) { return true }
        let split = token.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        if split.contains(where: parts.contains) { return true }
        for index in split.indices.dropLast() where pairs.contains(split[index] + " " + split[index + 1]) {
            return true
        }
        return false
    }
}

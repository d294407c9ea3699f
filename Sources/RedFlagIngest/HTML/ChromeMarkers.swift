/// Recognises `class` and `id` values that mark a block as page chrome rather than the ad.
///
/// Classified sites put other ads' titles in sidebars ("related ads", "similar listings", "recent ads"), and those
/// titles are full of indicator words that must not be credited to this ad. The check is on tokens and on their
/// parts, split at `-`, `_` and camelCase humps (`rightCol` is `right` + `col`, `relatedAds` is `related` + `ads`),
/// with trailing digits ignored (`sidebar2`). So `related-ads`, `sidebar-right`, `rightCol`, `adslot` and `topnav`
/// are chrome, while `ad-header` (the ad's own title block), `postingMeta` (its posted date, age and location) and
/// `massage-menu` (a spa's price list) are not.
///
/// A marker must never name what holds the ad's text or its posting metadata: words like `ad`, `ads`, `post`,
/// `listing`, `meta`, `info`, `details`, `banner`, `flag` (a nationality flag) or `tabs` (a profile's tabs) are
/// deliberately absent.
enum ChromeMarkers {
    /// A part of a class/id token that marks chrome wherever it appears.
    static let parts: Set<String> = [
        "sidebar", "sidenav", "related", "similar", "recommended", "recommendations", "sponsored", "breadcrumb",
        "breadcrumbs", "crumb", "crumbs", "navbar", "nav", "navigation", "topnav", "subnav", "mainnav", "sitenav",
        "footer", "cookie", "cookies", "consent", "gdpr", "masthead", "topbar", "toolbar", "widget", "widgets",
        "promo", "promoted", "share", "sharing", "social", "pagination", "pager", "comments", "otherads", "moreads",
        "agegate",
        "relatedads", "similarads", "featured", "carousel", "newsletter", "disclaimer", "copyright",
        // Side columns and rails.
        "rightcol", "leftcol", "sidecol", "rightcolumn", "leftcolumn", "sidecolumn", "rightrail", "leftrail",
        "siderail",
        // Advertising slots (other advertisers, not the classified ad).
        "adslot", "adslots", "adunit", "adunits", "adzone", "adspace", "adsense", "adbanner", "sponsor", "sponsors",
        // Lists of other ads.
        "recent", "latest", "newest", "trending", "nearby", "teaser", "teasers", "suggested", "suggestions",
        "relacionados", "similares", "destacados",
        // Site tools: report/share/save actions, search boxes, account links.
        "report", "actions", "search", "searchbar", "searchbox", "searchform", "login", "signin", "signup",
    ]
    /// Whole tokens that mark chrome only on their own.
    static let tokens: Set<String> = [
        "header", "site-header", "page-header", "global-header", "top-header", "menu", "main-menu", "mainmenu",
        "top-menu", "menubar", "aside", "other-ads", "more-ads", "other_ads", "more_ads", "other-listings",
        "more-listings", "also-like", "you-may-also-like",
    ]
    /// Adjacent part pairs that mark chrome together ("other ads", "more listings", "side bar", "right col").
    static let pairs: Set<String> = [
        "other ads", "more ads", "other listings", "more listings", "other posts", "more posts", "side bar",
        "top bar", "nav bar", "tool bar", "also like", "also viewed", "more from", "more by", "recent ads",
        "latest ads", "hot ads", "top ads", "new ads", "right col", "left col", "side col", "right column",
        "left column", "side column", "col right", "col left", "column right", "column left", "right rail",
        "left rail", "side rail", "ad slot", "ad unit", "ad zone", "ad space", "ad banner", "top nav",
        "age gate", "age check", "age verification",
    ]

    /// Whether a `class` or `id` attribute value marks chrome.
    static func isChrome(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var i = 0
        while i <= value.count {
            if i == value.count || isBlank(value[i]) {
                if i > start, isChromeToken(UnsafeBufferPointer(rebasing: value[start..<i])) { return true }
                start = i + 1
            }
            i += 1
        }
        return false
    }

    static func isChromeToken(_ token: String) -> Bool {
        var token = token
        return token.withUTF8 { isChromeToken($0) }
    }

    /// Whether one blank-free token marks chrome: the token itself (lowercased), any of its parts, or two adjacent
    /// parts.
    static func isChromeToken(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var lower: [UInt8] = []
        lower.reserveCapacity(token.count)
        var parts: [String] = []
        var part: [UInt8] = []
        func endPart() {
            var end = part.count
            while end > 0 && part[end - 1] &- 0x30 < 10 { end -= 1 }  // `sidebar2` is `sidebar`
            if end > 0 { parts.append(String(decoding: part[..<end], as: UTF8.self)) }
            part.removeAll(keepingCapacity: true)
        }
        var previous: UInt8 = 0
        for b in token {
            let isUpper = b &- 0x41 < 26
            let folded = isUpper ? b + 32 : b
            lower.append(folded)
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "_") {
                endPart()
            } else {
                // A hump: an upper-case letter after a lower-case letter or a digit (`rightCol`, `col2Right`).
                if isUpper && (previous &- 0x61 < 26 || previous &- 0x30 < 10) { endPart() }
                part.append(folded)
            }
            previous = b
        }
        endPart()
        if tokens.contains(String(decoding: lower, as: UTF8.self)) { return true }
        if parts.contains(where: Self.parts.contains) { return true }
        for index in parts.indices.dropLast() where pairs.contains(parts[index] + " " + parts[index + 1]) {
            return true
        }
        return false
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
}

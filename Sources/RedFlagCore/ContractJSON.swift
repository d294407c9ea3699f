public import RedFlagContract

/// The contract types as the scan output writes them, field by field in a fixed order: one definition for the scan's
/// lines and for the review queue's stored columns, so an item enqueued by a scan stores exactly the text the scan
/// printed, and queue files written before the queue took typed values read unchanged.
extension JSONWriter {
    /// `[{"family","feature","match","start","end","minor"?}]`: `feature` is the lexicon entry id, and `minor` is
    /// written only when true, so other hits keep their shape.
    public mutating func indicators(_ hits: [IndicatorHit]) {
        array(hits) { w, hit in
            w.raw("{\"family\":")
            w.string(hit.family.rawValue)
            w.raw(",\"feature\":")
            w.string(hit.entry)
            w.raw(",\"match\":")
            w.string(hit.match)
            w.raw(",\"start\":")
            w.int(hit.start)
            w.raw(",\"end\":")
            w.int(hit.end)
            if hit.minor { w.raw(",\"minor\":true") }
            w.raw("}")
        }
    }

    /// `[{"feature","family","weight","reason"?}]`.
    public mutating func contributions(_ contributions: [Contribution]) {
        array(contributions) { w, c in
            w.raw("{\"feature\":")
            w.string(c.feature)
            w.raw(",\"family\":")
            w.string(c.family)
            w.raw(",\"weight\":")
            w.double(c.weight)
            if let reason = c.reason {
                w.raw(",\"reason\":")
                w.string(reason)
            }
            w.raw("}")
        }
    }

    /// `{"phones","phone_obfuscated","emails","ages","prices"}`.
    public mutating func entities(_ e: Entities) {
        raw("{\"phones\":")
        array(e.phones) { $0.string($1) }
        raw(",\"phone_obfuscated\":")
        raw(e.phoneObfuscated ? "true" : "false")
        raw(",\"emails\":")
        array(e.emails) { $0.string($1) }
        raw(",\"ages\":")
        array(e.ages) { $0.int($1) }
        raw(",\"prices\":")
        array(e.prices) { $0.int($1) }
        raw("}")
    }

    /// One value written alone, as text.
    public static func text(_ write: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        write(&w)
        return w.text
    }
}

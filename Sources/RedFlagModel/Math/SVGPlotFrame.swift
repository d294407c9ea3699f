/// The shared frame of RedFlag's charts: a 640 × 480 SVG 1.1 canvas with a unit square plot area, gridlines, ticks
/// every 0.2 labelled on both axes, axis titles, the chart title and a legend box.
///
/// Everything is emitted as plain elements with inline attributes (no CSS, scripts or external fonts), so the file
/// renders the same in any browser or image viewer and can be attached to a report as is.
struct SVGPlotFrame {
    static let width = 640.0
    static let height = 480.0
    let left = 72.0
    let top = 64.0
    let side = 360.0

    /// Canvas x of a data value in [0, 1] (clamped).
    func x(_ value: Double) -> Double { left + side * min(max(value, 0), 1) }
    /// Canvas y of a data value in [0, 1] (clamped); y grows downwards on the canvas.
    func y(_ value: Double) -> Double { top + side * (1 - min(max(value, 0), 1)) }

    /// The document's opening: XML declaration, root element, background, title, grid, ticks and axis labels.
    func header(title: String, xLabel: String, yLabel: String) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(Self.number(Self.width))" \
            height="\(Self.number(Self.height))" viewBox="0 0 \(Self.number(Self.width)) \(Self.number(Self.height))" \
            font-family="Helvetica, Arial, sans-serif">
            <title>\(Self.escape(title))</title>
            <rect x="0" y="0" width="\(Self.number(Self.width))" height="\(Self.number(Self.height))" fill="#ffffff"/>
            <text x="\(Self.number(Self.width / 2))" y="34" font-size="18" font-weight="bold" text-anchor="middle" \
            fill="#222222">\(Self.escape(title))</text>

            """
        for step in 0...5 {
            let value = Double(step) / 5
            let label = Self.number(value, decimals: 1)
            let gx = Self.number(x(value))
            let gy = Self.number(y(value))
            out += """
                <line x1="\(gx)" y1="\(Self.number(top))" x2="\(gx)" y2="\(Self.number(top + side))" \
                stroke="#e4e4e4" stroke-width="1"/>
                <line x1="\(Self.number(left))" y1="\(gy)" x2="\(Self.number(left + side))" y2="\(gy)" \
                stroke="#e4e4e4" stroke-width="1"/>
                <line x1="\(gx)" y1="\(Self.number(top + side))" x2="\(gx)" y2="\(Self.number(top + side + 6))" \
                stroke="#333333" stroke-width="1"/>
                <line x1="\(Self.number(left - 6))" y1="\(gy)" x2="\(Self.number(left))" y2="\(gy)" \
                stroke="#333333" stroke-width="1"/>
                <text x="\(gx)" y="\(Self.number(top + side + 22))" font-size="12" text-anchor="middle" \
                fill="#333333">\(label)</text>
                <text x="\(Self.number(left - 10))" y="\(Self.number(y(value) + 4))" font-size="12" text-anchor="end" \
                fill="#333333">\(label)</text>

                """
        }
        out += """
            <rect x="\(Self.number(left))" y="\(Self.number(top))" width="\(Self.number(side))" \
            height="\(Self.number(side))" fill="none" stroke="#333333" stroke-width="1"/>
            <text x="\(Self.number(left + side / 2))" y="\(Self.number(top + side + 44))" font-size="14" \
            text-anchor="middle" fill="#222222">\(Self.escape(xLabel))</text>
            <text x="20" y="\(Self.number(top + side / 2))" font-size="14" text-anchor="middle" fill="#222222" \
            transform="rotate(-90 20 \(Self.number(top + side / 2)))">\(Self.escape(yLabel))</text>

            """
        return out
    }

    /// A legend to the right of the plot: one row per entry, each a swatch (SVG fragment drawn around the given
    /// centre) and its text.
    func legend(_ entries: [(swatch: (Double, Double) -> String, text: String)]) -> String {
        let boxLeft = left + side + 16
        var out = ""
        for (row, entry) in entries.enumerated() {
            let centreY = top + 14 + Double(row) * 24
            out += entry.swatch(boxLeft + 12, centreY)
            out += """
                <text x="\(Self.number(boxLeft + 30))" y="\(Self.number(centreY + 4))" font-size="13" \
                fill="#222222">\(Self.escape(entry.text))</text>

                """
        }
        return out
    }

    static let footer = "</svg>\n"

    /// Replaces the five characters XML reserves, so any title or subtitle yields a well-formed document.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate rounded to `decimals` places, always in plain decimal notation (never exponent form).
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled - Double(whole) * scale))
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        while fraction.count < decimals { fraction = "0" + fraction }
        return sign + String(whole) + "." + fraction
    }
}

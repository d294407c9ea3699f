/// Self-contained SVG 1.1 charts for model reports: a precision–recall curve and a reliability diagram.
///
/// Both draw on the unit square with ticks every 0.2, gridlines, axis titles, the given title, and a legend whose
/// label is the caller's `subtitle` — the place for the headline figure (e.g. "AP = 0.812", "ECE = 0.031"), which
/// the caller computes with `Metrics` so the chart never disagrees with the report. Text is XML-escaped.
public enum SVGChart {
    /// A precision–recall chart drawn as the step curve whose area is the average precision.
    ///
    /// `points` are in curve order, recall non-decreasing (as `Metrics.precisionRecallCurve` returns them). From
    /// recall 0 the curve holds each point's precision over the recall it adds, rising or falling vertically
    /// between points — so the shaded area equals `Metrics.averagePrecision`. Values are clamped to [0, 1];
    /// non-finite points are skipped.
    public static func precisionRecall(points: [(recall: Double, precision: Double)], title: String, subtitle: String)
        -> String
    {
        let frame = SVGPlotFrame()
        var svg = frame.header(title: title, xLabel: "Recall", yLabel: "Precision")
        let finite = points.filter { $0.recall.isFinite && $0.precision.isFinite }
        if let first = finite.first {
            var path = "M \(SVGPlotFrame.number(frame.x(0))) \(SVGPlotFrame.number(frame.y(first.precision)))"
            for point in finite {
                path += " V \(SVGPlotFrame.number(frame.y(point.precision)))"
                path += " H \(SVGPlotFrame.number(frame.x(point.recall)))"
            }
            let last = finite[finite.count - 1]
            let area = path + " V \(SVGPlotFrame.number(frame.y(0))) H \(SVGPlotFrame.number(frame.x(0))) Z"
            svg += """
                <path d="\(area)" fill="#1f77b4" fill-opacity="0.12" stroke="none"/>
                <path d="\(path)" fill="none" stroke="#1f77b4" stroke-width="2" stroke-linejoin="round"/>
                <circle cx="\(SVGPlotFrame.number(frame.x(last.recall)))" \
                cy="\(SVGPlotFrame.number(frame.y(last.precision)))" r="3" fill="#1f77b4"/>

                """
        }
        svg += frame.legend([
            (
                { x, y in
                    """
                    <line x1="\(SVGPlotFrame.number(x - 10))" y1="\(SVGPlotFrame.number(y))" \
                    x2="\(SVGPlotFrame.number(x + 10))" y2="\(SVGPlotFrame.number(y))" stroke="#1f77b4" stroke-width="2"/>

                    """
                }, subtitle
            )
        ])
        return svg + SVGPlotFrame.footer
    }

    /// A reliability diagram: the diagonal of perfect calibration, each non-empty bin's (mean predicted, fraction
    /// positive) as a dot whose area grows with its count joined in bin order, and a histogram of bin counts along
    /// the bottom so sparsely populated bins are not over-read.
    public static func calibration(bins: [Metrics.CalibrationBin], title: String, subtitle: String) -> String {
        let frame = SVGPlotFrame()
        var svg = frame.header(title: title, xLabel: "Mean predicted probability", yLabel: "Fraction positive")
        svg += """
            <line x1="\(SVGPlotFrame.number(frame.x(0)))" y1="\(SVGPlotFrame.number(frame.y(0)))" \
            x2="\(SVGPlotFrame.number(frame.x(1)))" y2="\(SVGPlotFrame.number(frame.y(1)))" stroke="#888888" \
            stroke-width="1.5" stroke-dasharray="6 4"/>

            """
        let largest = Double(bins.map(\.count).max() ?? 0)
        if largest > 0 {
            for bin in bins {
                let share = Double(bin.count) / largest
                let barTop = frame.y(0.15 * share)
                svg += """
                    <rect x="\(SVGPlotFrame.number(frame.x(bin.lower) + 1))" y="\(SVGPlotFrame.number(barTop))" \
                    width="\(SVGPlotFrame.number(max(frame.x(bin.upper) - frame.x(bin.lower) - 2, 0)))" \
                    height="\(SVGPlotFrame.number(frame.y(0) - barTop))" fill="#ff7f0e" fill-opacity="0.25"/>

                    """
            }
            let finite = bins.filter { $0.meanPredicted.isFinite && $0.fractionPositive.isFinite }
            let points = finite.map {
                "\(SVGPlotFrame.number(frame.x($0.meanPredicted))),\(SVGPlotFrame.number(frame.y($0.fractionPositive)))"
            }
            if points.count > 1 {
                svg += """
                    <polyline points="\(points.joined(separator: " "))" fill="none" stroke="#d62728" stroke-width="1.5"/>

                    """
            }
            for bin in finite {
                let radius = 3 + 7 * (Double(bin.count) / largest).squareRoot()
                svg += """
                    <circle cx="\(SVGPlotFrame.number(frame.x(bin.meanPredicted)))" \
                    cy="\(SVGPlotFrame.number(frame.y(bin.fractionPositive)))" r="\(SVGPlotFrame.number(radius))" \
                    fill="#d62728" fill-opacity="0.8" stroke="#ffffff" stroke-width="1">\
                    <title>\(SVGPlotFrame.escape("n = \(bin.count)"))</title></circle>

                    """
            }
        }
        svg += frame.legend([
            (
                { x, y in
                    """
                    <circle cx="\(SVGPlotFrame.number(x))" cy="\(SVGPlotFrame.number(y))" r="5" fill="#d62728"/>

                    """
                }, subtitle
            ),
            (
                { x, y in
                    """
                    <line x1="\(SVGPlotFrame.number(x - 10))" y1="\(SVGPlotFrame.number(y))" \
                    x2="\(SVGPlotFrame.number(x + 10))" y2="\(SVGPlotFrame.number(y))" stroke="#888888" \
                    stroke-width="1.5" stroke-dasharray="6 4"/>

                    """
                }, "Perfectly calibrated"
            ),
            (
                { x, y in
                    """
                    <rect x="\(SVGPlotFrame.number(x - 8))" y="\(SVGPlotFrame.number(y - 5))" width="16" height="10" \
                    fill="#ff7f0e" fill-opacity="0.25"/>

                    """
                }, "Examples per bin"
            ),
        ])
        return svg + SVGPlotFrame.footer
    }
}

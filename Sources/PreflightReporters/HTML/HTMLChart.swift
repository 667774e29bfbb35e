import Foundation

/// The charts of the HTML report, drawn without scripts so that they show at once and print well. Bar charts are
/// rows of HTML labels around an SVG bar that stretches to the row's width, so their text keeps its size on a
/// phone; the score gauge is one SVG. Colours come from CSS classes (`band-*`, `sev-*`, `series-*`), so the page's
/// light and dark themes apply to them.
enum HTMLChart {
    /// One bar of a bar chart.
    struct Bar {
        var label: String
        var value: Double
        /// The text after the bar.
        var caption: String
        /// The CSS class that colours the bar.
        var style: String
    }

    /// One row of a stacked bar chart: a label and its parts, in the order of the legend.
    struct Stack {
        var label: String
        var parts: [(key: String, count: Int)]
        var total: Int { parts.reduce(0) { $0 + $1.count } }
    }

    /// The colour of a score: green from 90 (grade A), light green from 75, amber from 60, red below 60 (grade F).
    static func band(_ score: Int) -> String {
        switch score {
        case 90...: return "band-a"
        case 75..<90: return "band-b"
        case 60..<75: return "band-c"
        default: return "band-f"
        }
    }

    /// A half-circle gauge of `score` out of 100, with a tick at `threshold`.
    static func gauge(score: Int, threshold: Int, label: String) -> String {
        let (cx, cy, r) = (100.0, 100.0, 80.0)
        func point(_ fraction: Double, radius: Double = r) -> (Double, Double) {
            let angle = Double.pi * (1 - fraction)
            return (cx + radius * cos(angle), cy - radius * sin(angle))
        }
        func arc(to fraction: Double) -> String {
            let (x, y) = point(fraction)
            return "M \(n(cx - r)) \(n(cy)) A \(n(r)) \(n(r)) 0 0 1 \(n(x)) \(n(y))"
        }
        let clamped = Double(min(max(score, 0), 100)) / 100
        let (t1x, t1y) = point(Double(threshold) / 100, radius: r - 14)
        let (t2x, t2y) = point(Double(threshold) / 100, radius: r + 14)
        var svg = "<svg class=\"gauge\" viewBox=\"0 0 200 118\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
        svg += "<title>\(HTMLText.escape(label))</title>"
        svg += "<path class=\"gauge-track\" d=\"\(arc(to: 1))\"/>"
        if clamped > 0 { svg += "<path class=\"gauge-value \(band(score))\" d=\"\(arc(to: clamped))\"/>" }
        svg += "<line class=\"gauge-threshold\" x1=\"\(n(t1x))\" y1=\"\(n(t1y))\" x2=\"\(n(t2x))\" y2=\"\(n(t2y))\"/>"
        svg += "<text class=\"gauge-score\" x=\"100\" y=\"92\" text-anchor=\"middle\" id=\"overall-score\">\(score)</text>"
        svg += "<text class=\"gauge-caption\" x=\"100\" y=\"112\" text-anchor=\"middle\">of 100 · threshold \(threshold)</text>"
        return svg + "</svg>"
    }

    /// Horizontal bars on a common scale from 0 to `maximum`.
    static func bars(_ bars: [Bar], maximum: Double, label: String) -> String {
        var out = open("bars", label: label)
        for bar in bars {
            let width = maximum > 0 ? max(0, min(bar.value, maximum)) / maximum * 100 : 0
            out += row(bar.label, caption: bar.caption, rects: [(0, width, bar.style, "\(bar.label): \(bar.caption)")])
        }
        return out + "</div>\n"
    }

    /// Horizontal stacked bars, one per row, scaled to the largest total, with a legend of `keys` (each drawn with
    /// the class `prefix` + key).
    static func stackedBars(_ stacks: [Stack], keys: [String], prefix: String, label: String) -> String {
        let maximum = Double(stacks.map(\.total).max() ?? 0)
        var out = open("stacked", label: label) + legend(keys.map { ($0, prefix + $0) })
        for stack in stacks {
            var rects: [(Double, Double, String, String)] = []
            var x = 0.0
            for part in stack.parts where part.count > 0 {
                let width = maximum > 0 ? Double(part.count) / maximum * 100 : 0
                rects.append((x, width, prefix + part.key, "\(stack.label), \(part.key): \(part.count)"))
                x += width
            }
            out += row(stack.label, caption: HTMLText.count(stack.total), rects: rects)
        }
        return out + "</div>\n"
    }

    /// Two bars per row, before and now, on a scale of 0 to 100: the trend of each category since an earlier
    /// report. A missing value (the category was not scored then or now) draws no bar.
    static func pairedBars(_ rows: [(label: String, old: Int?, new: Int?)], label: String) -> String {
        var out = open("paired", label: label) + legend([("before", "series-old"), ("now", "series-new")])
        for row in rows {
            let change = (row.new ?? 100) - (row.old ?? 100)
            let caption = "\(row.old.map(String.init) ?? "–") → \(row.new.map(String.init) ?? "–") (\(TextReporter.signed(change)))"
            var svg = "<svg class=\"bar double\" viewBox=\"0 0 100 22\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
            svg += "<rect class=\"track\" width=\"100\" height=\"22\" rx=\"2\"/>"
            for (y, value, style, name) in [(1.0, row.old, "series-old", "before"), (12.0, row.new, "series-new", "now")] {
                guard let value else { continue }
                svg += "<rect class=\"\(style)\" y=\"\(n(y))\" width=\"\(n(Double(value)))\" height=\"9\"><title>\(HTMLText.escape("\(row.label) \(name): \(value)"))</title></rect>"
            }
            out += "<div class=\"bar-row\"><span class=\"bar-label\">\(HTMLText.escape(row.label))</span>\(svg)</svg>"
            out += "<span class=\"bar-value\">\(HTMLText.escape(caption))</span></div>\n"
        }
        return out + "</div>\n"
    }

    /// A small bar showing `part` of `whole`, for table cells; an empty track when nothing was checked.
    static func coverage(_ part: Int, of whole: Int, label: String) -> String {
        let fraction = whole > 0 ? Double(part) / Double(whole) : 0
        let style = whole == 0 ? "track" : fraction >= 1 ? "band-a" : fraction >= 0.5 ? "band-c" : "band-f"
        var svg = "<svg class=\"coverage\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
        svg += "<title>\(HTMLText.escape(label))</title><rect class=\"track\" width=\"100\" height=\"10\" rx=\"2\"/>"
        if fraction > 0 { svg += "<rect class=\"\(style)\" width=\"\(n(fraction * 100))\" height=\"10\" rx=\"2\"/>" }
        return svg + "</svg>"
    }

    private static func open(_ kind: String, label: String) -> String {
        "<div class=\"chart \(kind)\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">\n"
    }

    private static func legend(_ entries: [(name: String, style: String)]) -> String {
        let items = entries.map {
            "<span><svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"\($0.style)\" width=\"10\" height=\"10\" rx=\"2\"/></svg>\(HTMLText.escape($0.name))</span>"
        }
        return "<div class=\"legend\">\(items.joined())</div>\n"
    }

    /// A label, a bar of `rects` (x and width in percent of the row, a class and a tooltip) and a caption.
    private static func row(_ label: String, caption: String, rects: [(x: Double, width: Double, style: String, title: String)]) -> String {
        var svg = "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" width=\"100\" height=\"10\" rx=\"1.5\"/>"
        for rect in rects where rect.width > 0 {
            svg += "<rect class=\"\(rect.style)\" x=\"\(n(rect.x))\" width=\"\(n(max(rect.width, 0.5)))\" height=\"10\"><title>\(HTMLText.escape(rect.title))</title></rect>"
        }
        return "<div class=\"bar-row\"><span class=\"bar-label\">\(HTMLText.escape(label))</span>\(svg)</svg><span class=\"bar-value\">\(HTMLText.escape(caption))</span></div>\n"
    }

    /// A coordinate with at most one decimal, so that the page is the same on every machine.
    private static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}

import Foundation

/// Escaping for text that goes into the HTML report.
enum HTMLText {
    /// `text` safe as element content and as a quoted attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters (a file name with a newline or an escape) are shown, not obeyed.
                if character.properties.generalCategory == .control && character != "\n" && character != "\t" {
                    out += "\\u{\(String(character.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(character)
                }
            }
        }
        return out
    }

    /// JSON that can sit inside `<script type="application/json">`: nothing in it can close the element or open a
    /// comment, since `<`, `>` and `&` only occur inside JSON strings, where `\u` escapes mean the same.
    static func scriptJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// A number with thousands separators, as the page shows counts.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}

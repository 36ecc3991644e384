import Foundation

/// One CSV cell as Excel on a Finnish machine reads it: `;`-separated, quoted when it holds a
/// delimiter, quote or line break, and defused when Excel would take it for a formula.
enum CSVCell {
    /// Characters that make Excel (and LibreOffice with formula evaluation on) read a cell as a
    /// formula when they come first. OWASP's list: `=`, `+`, `-`, `@`, tab, carriage return.
    static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }

    /// A progress code made only of `+`, `-`, `/`, `?` (`+`, `-`, `+/-`) has no operand, so no
    /// spreadsheet can evaluate it; it is written as is so the code reads exactly as in the legend.
    static func isOperatorOnlyCode(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 4 && text.utf8.allSatisfy {
            $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?")
        }
    }

    /// Quotes and defuses one cell. Line breaks become CRLF inside the quotes, as Excel writes.
    static func encode(_ text: String, isProgressCode: Bool = false, delimiter: UInt8 = UInt8(ascii: ";")) -> String {
        var value = text
        if startsLikeFormula(value) && !(isProgressCode && isOperatorOnlyCode(value)) {
            // OWASP's defence: a leading apostrophe makes the cell text.
            value = "'" + value
        }
        var needsQuotes = false
        for byte in value.utf8 where byte == delimiter || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return value }
        let escaped = value.replacingOccurrences(of: "\"", with: "\"\"").replacingOccurrences(of: "\n", with: "\r\n")
        return "\"" + escaped + "\""
    }
}

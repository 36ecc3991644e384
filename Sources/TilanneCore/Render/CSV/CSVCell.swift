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

    /// A signed number as the report writes it (`-26,1 %`, `+4 743`): digits, separators and a
    /// percent sign only, so there is no function or reference a spreadsheet could evaluate.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars.dropFirst() {
            switch scalar {
            case "0"..."9": digits += 1
            case ",", ".", "\u{00A0}", "%": continue
            default: return false
            }
        }
        return digits > 0
    }

    /// Quotes and defuses one cell. Line breaks become CRLF inside the quotes, as Excel writes.
    static func encode(_ text: String, isProgressCode: Bool = false, delimiter: UInt8 = UInt8(ascii: ";")) -> String {
        let defuse = startsLikeFormula(text) && !(isProgressCode && isOperatorOnlyCode(text)) && !isPlainNumber(text)
        var needsQuotes = false
        for byte in text.utf8 where byte == delimiter || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes { return defuse ? "'" + text : text }
        // OWASP's defence against formulas: a leading apostrophe makes the cell text.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        if defuse { bytes.append(UInt8(ascii: "'")) }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(byte); bytes.append(byte)
            case 0x0A: if previous != 0x0D { bytes.append(0x0D) }; bytes.append(0x0A)
            default: bytes.append(byte)
            }
            previous = byte
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}

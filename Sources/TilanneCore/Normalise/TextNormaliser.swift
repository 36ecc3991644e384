/// Unifies the spellings that people and programs produce for the same text: white-space
/// variants, dash variants, stray control characters. Line breaks a writer put inside a cell
/// are kept; spaces around them and runs of spaces are not.
public enum TextNormaliser {
    public struct Cleaned: Sendable {
        public var text: String
        /// Control characters removed (a finding for the coordinator).
        public var removedControls: Int
    }

    public static func clean(_ text: String) -> Cleaned {
        if isAlreadyClean(text) { return Cleaned(text: text, removedControls: 0) }
        var removed = 0
        var scalars = String.UnicodeScalarView()
        var lineBuffer: [Unicode.Scalar] = []
        var lines: [[Unicode.Scalar]] = []
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A {
                if previousWasCR { previousWasCR = false; continue }
                lines.append(lineBuffer); lineBuffer.removeAll(keepingCapacity: true)
                continue
            }
            previousWasCR = false
            if value == 0x0D || value == 0x2028 || value == 0x2029 {
                previousWasCR = value == 0x0D
                lines.append(lineBuffer); lineBuffer.removeAll(keepingCapacity: true)
                continue
            }
            if value == 0x09 || isSpaceVariant(value) { lineBuffer.append(" "); continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) { removed += 1; continue }
            if isInvisible(value) { continue }
            if isDashVariant(value) { lineBuffer.append("-"); continue }
            lineBuffer.append(scalar)
        }
        lines.append(lineBuffer)
        // Collapse runs of spaces, trim each line, drop empty lines at both ends.
        var cleanedLines: [[Unicode.Scalar]] = lines.map { line in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(line.count)
            for scalar in line {
                if scalar == " " && (out.isEmpty || out.last == " ") { continue }
                out.append(scalar)
            }
            if out.last == " " { out.removeLast() }
            return out
        }
        while cleanedLines.first?.isEmpty == true { cleanedLines.removeFirst() }
        while cleanedLines.last?.isEmpty == true { cleanedLines.removeLast() }
        for (index, line) in cleanedLines.enumerated() {
            if index > 0 { scalars.append("\n") }
            scalars.append(contentsOf: line)
        }
        return Cleaned(text: String(scalars), removedControls: removed)
    }

    /// Fast path for the common cell: printable ASCII and single line breaks, no runs of
    /// spaces, nothing to trim. Most cells of a real table pass it and are not copied.
    static func isAlreadyClean(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previous: UInt8 = 0x0A
            for byte in bytes {
                if byte >= 0x80 {
                    if !isCleanNonASCIILeader(byte) { return false }
                    previous = byte
                    continue
                }
                switch byte {
                case 0x20:
                    if previous == 0x20 || previous == 0x0A { return false }
                case 0x0A:
                    if previous == 0x20 || previous == 0x0A { return false }
                case 0x21...0x7E:
                    break
                default:
                    return false
                }
                previous = byte
            }
            return previous != 0x20 && previous != 0x0A || bytes.isEmpty
        } ?? false
    }

    /// Two-byte sequences of Latin letters (ä, ö, å, é …) are common and harmless; anything
    /// else outside ASCII (NBSP, dashes, zero-width characters) takes the careful path.
    private static func isCleanNonASCIILeader(_ byte: UInt8) -> Bool {
        // 0xC3: U+00C0–U+00FF letters; continuation bytes 0x80–0xBF pass as well.
        (0x80...0xBF).contains(byte) || byte == 0xC3 || byte == 0xC5
    }

    static func isSpaceVariant(_ value: UInt32) -> Bool {
        value == 0xA0 || value == 0x1680 || (0x2000...0x200A).contains(value) || value == 0x202F
            || value == 0x205F || value == 0x3000
    }

    static func isInvisible(_ value: UInt32) -> Bool {
        value == 0x00AD || value == 0x200B || value == 0x2060 || value == 0xFEFF
    }

    /// Hyphen and minus look-alikes that only ever mean "-". En and em dashes are punctuation
    /// in Finnish text and are kept; comparison keys drop every dash anyway.
    static func isDashVariant(_ value: UInt32) -> Bool {
        value == 0x2010 || value == 0x2011 || value == 0x2012 || value == 0x2212 || value == 0xFE63 || value == 0xFF0D
    }

    static func isAnyDash(_ value: UInt32) -> Bool {
        value == 0x2D || isDashVariant(value) || value == 0x2013 || value == 0x2014 || value == 0x2015
    }

    /// The text on one line: line breaks and runs of white space become one space.
    public static func singleLine(_ text: String) -> String {
        clean(text).text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }

    /// Key for comparing titles and headers: case-folded, without white space, dashes or soft
    /// hyphens, so that "työpaikka-määrän" equals "työpaikkamäärän" and a double space is no
    /// difference, while a reworded title still is.
    public static func comparisonKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let value = scalar.value
            if scalar.properties.isWhitespace || isAnyDash(value) || isInvisible(value) || value < 0x20 { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

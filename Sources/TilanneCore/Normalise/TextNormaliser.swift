/// Unifies the spellings that people and programs produce for the same text: white-space
/// variants, dash variants, stray control characters. Line breaks a writer put inside a cell
/// are kept; spaces around them and runs of spaces are not.
public enum TextNormaliser {
    public struct Cleaned: Sendable {
        public var text: String
        /// Control characters removed (a finding for the coordinator).
        public var removedControls: Int
        /// Unicode noncharacters (U+FFFE, U+FFFF …) replaced by U+FFFD: no spreadsheet holds them.
        public var replacedNoncharacters = 0
    }

    public static func clean(_ text: String) -> Cleaned {
        if isAlreadyClean(text) { return Cleaned(text: text, removedControls: 0) }
        var text = text
        return text.withUTF8 { cleanBytes($0) }
    }

    /// The careful path, over UTF-8 bytes: every rewrite maps to ASCII or removes, so the
    /// other sequences (Finnish letters, en dashes) are copied through unchanged.
    private static func cleanBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Cleaned {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var removed = 0
        var noncharacters = 0
        var pendingSpace = false
        var pendingNewlines = 0
        var lineHasContent = false
        var index = 0
        let count = bytes.count

        /// Before visible text: the pending line breaks, or one space between words.
        func beginContent() {
            if pendingNewlines > 0 {
                if !out.isEmpty { out.append(contentsOf: repeatElement(0x0A, count: pendingNewlines)) }
                pendingNewlines = 0
            } else if pendingSpace && lineHasContent {
                out.append(0x20)
            }
            pendingSpace = false
            lineHasContent = true
        }
        func content(_ start: Int, _ length: Int) {
            beginContent()
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]))
        }
        func contentByte(_ byte: UInt8) {
            beginContent()
            out.append(byte)
        }
        func space() { if lineHasContent { pendingSpace = true } }
        func newline() {
            pendingSpace = false
            if !out.isEmpty || lineHasContent { pendingNewlines += 1 }
            lineHasContent = false
        }

        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x0A: newline()
                case 0x0D:
                    newline()
                    if index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                case 0x09, 0x20: space()
                case 0x00...0x1F, 0x7F: removed += 1
                default: contentByte(byte)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard index + length <= count, length > 1 else { contentByte(byte); index += 1; continue }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            if isSpaceVariant(value) {
                space()
            } else if value == 0x85 || value == 0x2028 || value == 0x2029 {
                newline()
            } else if (0x80...0x9F).contains(value) {
                removed += 1
            } else if isInvisible(value) {
                // dropped without a finding: they carry no meaning
            } else if isDashVariant(value) {
                contentByte(UInt8(ascii: "-"))
            } else if CellText.isNoncharacter(value) {
                noncharacters += 1
                beginContent()
                out.append(contentsOf: [0xEF, 0xBF, 0xBD]) // U+FFFD
            } else {
                content(index, length)
            }
            index += length
        }
        return Cleaned(text: String(decoding: out, as: UTF8.self), removedControls: removed, replacedNoncharacters: noncharacters)
    }

    /// Fast path for the common cell: no runs of spaces, nothing to trim, no control
    /// characters, and none of the multi-byte sequences `clean` rewrites (NBSP, zero-width
    /// characters, hyphen look-alikes). Finnish letters and en dashes pass. Most cells of a
    /// real table pass it and are neither scanned by scalar nor copied.
    static func isAlreadyClean(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = bytes.count
            var previous: UInt8 = 0x0A
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x20, 0x0A:
                        if previous == 0x20 || previous == 0x0A { return false }
                    case 0x21...0x7E:
                        break
                    default:
                        return false
                    }
                } else if needsCleaning(bytes, at: index) {
                    return false
                }
                previous = byte
                index += 1
            }
            return count == 0 || (previous != 0x20 && previous != 0x0A)
        } ?? false
    }

    /// Whether the UTF-8 sequence starting at `index` is one `clean` would change.
    private static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return true // NBSP, soft hyphen, C1 controls
        case 0xE1: return next(1) == 0x9A // U+1680
        case 0xE2:
            let (b1, b2) = (next(1), next(2))
            if b1 == 0x80 { return b2 <= 0x92 || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF } // U+2000–2012, U+2028/9, U+202F
            if b1 == 0x81 { return b2 == 0x9F || b2 == 0xA0 } // U+205F, U+2060
            return b1 == 0x88 && b2 == 0x92 // U+2212 minus
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 // U+3000
        case 0xEF:
            let (b1, b2) = (next(1), next(2))
            // U+FEFF, U+FE63, U+FF0D; the noncharacters U+FDD0–U+FDEF, U+FFFE and U+FFFF.
            return b1 == 0xBB || b1 == 0xB9 || b1 == 0xBC || (b1 == 0xB7 && (0x90...0xAF).contains(b2)) || (b1 == 0xBF && b2 >= 0xBE)
        case 0xF0...0xF4: return next(1) & 0x0F == 0x0F && next(2) == 0xBF && next(3) >= 0xBE // U+nFFFE, U+nFFFF
        default: return false
        }
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
        if !text.utf8.contains(0x0A) && isAlreadyClean(text) { return text }
        return clean(text).text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }

    /// Key for comparing titles and headers: case-folded, without white space, dashes or soft
    /// hyphens, so that "työpaikka-määrän" equals "työpaikkamäärän" and a double space is no
    /// difference, while a reworded title still is.
    public static func comparisonKey(_ text: String) -> String {
        // Built as UTF-8 bytes: appending a lower-case mapping to a `String.UnicodeScalarView`
        // copied the whole key each time (800,000 capital Ä's took minutes; now linear).
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII fast path: Unicode property look-ups dominated the run time here.
                switch value {
                case 0x00...0x20, 0x2D, 0x7F: continue
                case 0x41...0x5A: key.append(UInt8(value + 0x20))
                default: key.append(UInt8(value))
                }
                continue
            }
            if isSpaceVariant(value) || value == 0x85 || value == 0x2028 || value == 0x2029 || isAnyDash(value)
                || isInvisible(value) || (0x80...0x9F).contains(value) { continue }
            if scalar.properties.isUppercase {
                key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                key.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}

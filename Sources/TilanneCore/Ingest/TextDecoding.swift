/// Byte-level text decoding for CSV input. Written by hand (see docs/decisions/0002-csv-reader.md):
/// the checks run over every byte of files of tens of megabytes, and Windows-1252 must map
/// all 256 byte values, including the five that Foundation's converter rejects.
enum TextDecoding {
    /// Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates, ≤ U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // ASCII fast path, eight bytes at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return false }
            index += length
        }
        return true
    }

    /// Lines (by line feed) that hold UTF-8 beyond ASCII and are valid, against lines that are
    /// not valid UTF-8. A Windows-1252 file almost never holds a valid multi-byte sequence
    /// (`Ã¤` would be one), a UTF-8 file has them on most lines with a Finnish letter.
    struct LineCensus {
        var utf8Lines = 0
        var invalidLines = 0
        /// UTF-8 with a few rows in another encoding, rather than a Windows-1252 file.
        var mostlyUTF8: Bool { utf8Lines > 0 && utf8Lines >= invalidLines }
    }

    static func lineCensus(_ bytes: UnsafeBufferPointer<UInt8>) -> LineCensus {
        var census = LineCensus()
        var lineHasUTF8 = false
        var lineInvalid = false
        var index = 0
        let count = bytes.count
        func endLine() {
            if lineInvalid { census.invalidLines += 1 } else if lineHasUTF8 { census.utf8Lines += 1 }
            lineHasUTF8 = false
            lineInvalid = false
        }
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0A { endLine() }
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length > 0, index + length <= count,
               isValidUTF8(UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])) {
                lineHasUTF8 = true
                index += length
            } else {
                lineInvalid = true
                index += 1
            }
        }
        endLine()
        return census
    }

    /// Windows-1252 bytes 0x80–0x9F; the rest of the byte range is ISO-8859-1.
    /// The five unassigned bytes map to their C1 control code points, as browsers do.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Transcodes Windows-1252 bytes to UTF-8 bytes.
    static func windows1252ToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { output.append(byte); continue }
            let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return output
    }
}

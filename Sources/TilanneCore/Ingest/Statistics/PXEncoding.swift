import Foundation

/// The text encoding of a PX header: the declared one (`CODEPAGE`, else `CHARSET`), checked
/// against the bytes, because files in the wild declare `iso-8859-15` and hold UTF-8, or hold
/// Windows-1252 dashes and quotes under an ISO-8859 label.
enum PXEncoding: String, Sendable {
    case utf8 = "utf-8"
    case iso8859_15 = "iso-8859-15"
    case iso8859_1 = "iso-8859-1"
    case windows1252 = "windows-1252"

    /// What the header says; ISO-8859-1 (the format's default) when it says nothing.
    static func declared(in header: [UInt8]) -> (encoding: PXEncoding, text: String?) {
        guard let value = asciiValue(of: "CODEPAGE", in: header) else {
            if let charset = asciiValue(of: "CHARSET", in: header), charset.lowercased() == "ansi" { return (.windows1252, nil) }
            return (.iso8859_1, nil)
        }
        switch value.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "unicode": return (.utf8, value)
        case "iso-8859-15", "latin-9", "latin9": return (.iso8859_15, value)
        case "windows-1252", "cp1252", "1252", "ansi": return (.windows1252, value)
        default: return (.iso8859_1, value)
        }
    }

    /// The encoding the bytes are really in, given the declared one.
    static func actual(declared: PXEncoding, bytes: [UInt8]) -> PXEncoding {
        let valid = bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
        let hasHigh = bytes.contains { $0 >= 0x80 }
        if declared == .utf8 { return valid ? .utf8 : .windows1252 }
        // Multi-byte UTF-8 sequences are next to impossible by chance in Finnish Latin text.
        if hasHigh && valid { return .utf8 }
        // C1 control bytes never stand for text in ISO-8859: they are Windows-1252 punctuation.
        if bytes.contains(where: { (0x80...0x9F).contains($0) }) { return .windows1252 }
        return declared
    }

    func decode(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            return bytes.withUnsafeBufferPointer { String(decoding: TextDecoding.windows1252ToUTF8($0), as: UTF8.self) }
        case .iso8859_1, .iso8859_15:
            var text = String.UnicodeScalarView()
            for byte in bytes {
                let code = self == .iso8859_15 ? (Self.latin9[byte] ?? UInt32(byte)) : UInt32(byte)
                text.append(Unicode.Scalar(code)!)
            }
            return String(text)
        }
    }

    /// The eight places where ISO-8859-15 differs from ISO-8859-1.
    private static let latin9: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    /// `KEYWORD="value"` read as ASCII from the start of a line; keywords are ASCII in every encoding.
    private static func asciiValue(of keyword: String, in header: [UInt8]) -> String? {
        let pattern = Array((keyword + "=").utf8)
        var index = 0
        while index + pattern.count < header.count {
            let lineStart = index == 0 || header[index - 1] == 0x0A || header[index - 1] == 0x0D || header[index - 1] == UInt8(ascii: ";")
            if lineStart, header[index..<(index + pattern.count)].elementsEqual(pattern) {
                var value: [UInt8] = []
                var cursor = index + pattern.count
                while cursor < header.count, header[cursor] != UInt8(ascii: ";") {
                    if header[cursor] != UInt8(ascii: "\"") { value.append(header[cursor]) }
                    cursor += 1
                }
                return String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            index += 1
        }
        return nil
    }
}

/// FNV-1a, 64 bits: the short, stable hash of a text key (action identities, status-text keys).
/// Not for security; equal keys give equal hashes across runs and machines.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { add(byte) }
    }

    /// Sixteen hex digits, zero-padded.
    var hex: String { HexDigits.of(withUnsafeBytes(of: value.bigEndian) { Array($0) }) }
}

/// Bytes as lower-case hex digits, two per byte (hashes and digests in keys and summaries).
enum HexDigits {
    private static let digits = Array("0123456789abcdef".utf8)

    static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

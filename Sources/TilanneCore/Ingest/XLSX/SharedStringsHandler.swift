/// `xl/sharedStrings.xml`: the workbook's text table. A string is its `<t>` texts, the runs
/// of rich text concatenated; phonetic guides (`<rPh>`) are not part of the text.
final class SharedStringsHandler: XMLStreamHandler {
    private(set) var strings: [String] = []
    private var buffer: [UInt8] = []
    private var inText = false
    private var inPhonetic = false

    init() { buffer.reserveCapacity(1024) }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("t") {
            inText = !inPhonetic
        } else if name.is("si") {
            buffer.removeAll(keepingCapacity: true)
        } else if name.is("rPh") {
            inPhonetic = true
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("t") {
            inText = false
        } else if name.is("si") {
            strings.append(OOXMLText.string(buffer))
        } else if name.is("rPh") {
            inPhonetic = false
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inText { buffer.append(contentsOf: text) }
    }
}

/// Text as stored in Office XML: UTF-8, with characters XML cannot carry written as
/// `_xHHHH_` (e.g. `_x000D_` for a carriage return, `_x005F_` for a literal underscore).
enum OOXMLText {
    static func string(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 7, bytes.contains(0x5F) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x5F, index + 6 < bytes.count, bytes[index + 1] == 0x78, bytes[index + 6] == 0x5F,
               let value = hex(bytes[(index + 2)..<(index + 6)]), let scalar = Unicode.Scalar(value) {
                result.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += 7
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case 0x30...0x39: value = value * 16 + UInt32(digit - 0x30)
            case 0x41...0x46: value = value * 16 + UInt32(digit - 0x37)
            case 0x61...0x66: value = value * 16 + UInt32(digit - 0x57)
            default: return nil
            }
        }
        return value
    }
}

import Foundation

/// A proof that a written XML part is whole, without parsing it: its elements open and close
/// in order (names compared by hash), tags and quoted attribute values end, the root element is
/// closed and nothing but white space follows. A part cut short anywhere, or missing a stretch
/// in the middle, fails it. It does not check what a temporary file cut short cannot break
/// (entities, characters, names): it answers "whole", or "in doubt", never "broken". Comments,
/// CDATA sections and declarations (`<!…`) are in doubt, as libxlsxwriter writes none.
///
/// Fed the part in chunks as it is inflated; a tag may span two chunks.
struct XMLShapeCheck {
    private enum State {
        /// Between tags.
        case text
        /// After `<`, before the first byte of a name, `/`, `?` or `!`.
        case opened
        /// In a start tag's name; then in its attributes.
        case startName
        case attributes
        /// In a quoted attribute value, waiting for this quote.
        case value(UInt8)
        /// After `/` inside a start tag: `>` must follow.
        case selfClosing
        /// In an end tag's name; then before its `>`.
        case endName
        case endSpace
        /// In a processing instruction (`<?xml …?>`); after its `?`.
        case instruction
        case instructionQuestion
    }

    private var state = State.text
    private var stack: [UInt64] = []
    private var name: UInt64 = Self.seed
    private var rootSeen = false
    private var rootClosed = false
    private var doubt = false

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        guard !doubt, let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = chunk.count
        var index = 0
        while index < count {
            let byte = base[index]
            switch state {
            case .text:
                // Text runs to the next tag: skipped with memchr.
                guard let found = memchr(base + index, 0x3C, count - index) else {
                    if rootClosed && !Self.isSpace(base + index, count - index) { doubt = true; return }
                    return
                }
                let at = base.distance(to: UnsafePointer(found.assumingMemoryBound(to: UInt8.self)))
                if rootClosed && !Self.isSpace(base + index, at - index) { doubt = true; return }
                index = at + 1
                state = .opened
                continue
            case .opened:
                switch byte {
                case UInt8(ascii: "/"): state = .endName; name = Self.seed
                case UInt8(ascii: "?"): state = .instruction
                case UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "<"), 0x20, 0x09, 0x0A, 0x0D: doubt = true; return
                default:
                    if rootClosed { doubt = true; return }
                    state = .startName
                    name = (Self.seed ^ UInt64(byte)) &* Self.prime
                }
            case .startName:
                switch byte {
                case UInt8(ascii: ">"): open(); state = .text
                case UInt8(ascii: "/"): state = .selfClosing; rootIfFirst()
                case 0x20, 0x09, 0x0A, 0x0D: state = .attributes
                case UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="): doubt = true; return
                default: name = (name ^ UInt64(byte)) &* Self.prime
                }
            case .attributes:
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): state = .value(byte)
                case UInt8(ascii: ">"): open(); state = .text
                case UInt8(ascii: "/"): state = .selfClosing; rootIfFirst()
                case UInt8(ascii: "<"): doubt = true; return
                default: break
                }
            case .value(let quote):
                guard let found = memchr(base + index, Int32(quote), count - index) else {
                    if memchr(base + index, 0x3C, count - index) != nil { doubt = true; return }
                    return
                }
                let at = base.distance(to: UnsafePointer(found.assumingMemoryBound(to: UInt8.self)))
                if memchr(base + index, 0x3C, at - index) != nil { doubt = true; return }
                index = at + 1
                state = .attributes
                continue
            case .selfClosing:
                guard byte == UInt8(ascii: ">") else { doubt = true; return }
                if stack.isEmpty { rootClosed = true }
                state = .text
            case .endName:
                switch byte {
                case UInt8(ascii: ">"): if !close() { return }; state = .text
                case 0x20, 0x09, 0x0A, 0x0D: state = .endSpace
                case UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "'"): doubt = true; return
                default: name = (name ^ UInt64(byte)) &* Self.prime
                }
            case .endSpace:
                switch byte {
                case UInt8(ascii: ">"): if !close() { return }; state = .text
                case 0x20, 0x09, 0x0A, 0x0D: break
                default: doubt = true; return
                }
            case .instruction:
                if byte == UInt8(ascii: "?") { state = .instructionQuestion }
            case .instructionQuestion:
                state = byte == UInt8(ascii: ">") ? .text : byte == UInt8(ascii: "?") ? .instructionQuestion : .instruction
            }
            index += 1
        }
    }

    /// Whether the part was whole: one root element, closed, every tag ended.
    func finish() -> Bool {
        guard !doubt, rootSeen, rootClosed, stack.isEmpty else { return false }
        if case .text = state { return true }
        return false
    }

    /// A start tag ended with `>`: its element is open until its end tag.
    private mutating func open() {
        if stack.isEmpty && rootSeen { doubt = true; return }
        rootSeen = true
        stack.append(name)
    }

    /// `<name …/>`: an element without content; as the root it is also closed.
    private mutating func rootIfFirst() {
        if stack.isEmpty {
            if rootSeen { doubt = true }
            rootSeen = true
        }
    }

    private mutating func close() -> Bool {
        guard let top = stack.popLast(), top == name else { doubt = true; return false }
        if stack.isEmpty { rootClosed = true }
        return true
    }

    private static func isSpace(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for offset in 0..<count where ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { return false }
        return true
    }
}

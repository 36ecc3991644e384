import CLibXML2
import Foundation

/// What a streaming reader of one XML part does with the events of libxml2's SAX2 parser.
/// Names arrive as the local name (no prefix) in libxml2's own buffer, valid only during the
/// call; readers compare bytes instead of building strings, which keeps large sheets cheap.
protocol XMLStreamHandler: AnyObject {
    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws
    func endElement(_ name: XMLName) throws
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// Thrown by a handler to stop reading a part (the reason is carried by the handler's error).
struct XMLStreamStop: Error {
    let reason: OfficeReadError
}

struct XMLName {
    let pointer: UnsafePointer<UInt8>

    /// Compares with an ASCII name without allocating.
    func `is`(_ name: StaticString) -> Bool {
        let other = name.utf8Start
        var index = 0
        while true {
            let a = pointer[index], b = index < name.utf8CodeUnitCount ? other[index] : 0
            if a != b { return false }
            if a == 0 { return true }
            index += 1
        }
    }
}

/// The attributes of one element as libxml2 hands them over: five pointers each
/// (local name, prefix, URI, value start, value end).
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count {
            guard let local = base[index * 5], XMLName(pointer: local).is(name),
                  let start = base[index * 5 + 3], let end = base[index * 5 + 4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    func string(_ name: StaticString) -> String? {
        value(name).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Feeds one part of an archive through libxml2's push parser as it is decompressed, so no
/// part is ever held whole in memory. A document type declaration stops the parse: Office
/// files never carry one, and refusing it rules out entity expansion ("billion laughs") and
/// external entities. Network access is off as well.
final class XMLStream {
    private final class Context {
        let handler: any XMLStreamHandler
        var parser: xmlParserCtxtPtr?
        var failure: Error?
        var sawDTD = false

        init(handler: any XMLStreamHandler) { self.handler = handler }

        func fail(_ error: Error) {
            if failure == nil { failure = error }
            if let parser { xmlStopParser(parser) }
        }
    }

    /// Parses the part `entry` of `archive` with `handler`.
    static func parse(_ entry: String, in archive: OfficeArchive, with handler: any XMLStreamHandler) throws {
        let context = Context(handler: handler)
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            let context = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            guard context.failure == nil, let localname else { return }
            do {
                try context.handler.startElement(XMLName(pointer: localname),
                                                 XMLAttributes(base: attributes, count: Int(attributeCount)))
            } catch { context.fail(error) }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            let context = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            guard context.failure == nil, let localname else { return }
            do { try context.handler.endElement(XMLName(pointer: localname)) } catch { context.fail(error) }
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            let context = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            guard context.failure == nil, let text else { return }
            context.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.internalSubset = { ctx, _, _, _ in
            let context = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            context.sawDTD = true
            context.fail(OfficeReadError.forbiddenDTD(entry: ""))
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            let context = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            context.sawDTD = true
            context.fail(OfficeReadError.forbiddenDTD(entry: ""))
        }
        // Errors are read from the parser after each chunk; this keeps libxml2 from printing them.
        sax.serror = { _, _ in }

        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        guard let parser = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, entry) else {
            throw OfficeReadError.malformedXML(entry: entry, line: 0, message: "parser could not start")
        }
        defer { xmlFreeParserCtxt(parser) }
        context.parser = parser
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))

        func check(_ status: Int32) throws {
            if context.sawDTD { throw OfficeReadError.forbiddenDTD(entry: entry) }
            if let failure = context.failure { throw failure }
            if status != 0 || parser.pointee.wellFormed == 0 {
                let error = xmlCtxtGetLastError(parser)
                let message = error?.pointee.message.map { String(cString: $0) }?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
                throw OfficeReadError.malformedXML(entry: entry, line: Int(error?.pointee.line ?? 0), message: message)
            }
        }
        do {
            try archive.stream(entry) { chunk in
                let bytes = chunk.bindMemory(to: CChar.self)
                try check(xmlParseChunk(parser, bytes.baseAddress, Int32(bytes.count), 0))
            }
        } catch let stop as XMLStreamStop {
            throw stop.reason
        }
        try check(xmlParseChunk(parser, nil, 0, 1))
    }
}

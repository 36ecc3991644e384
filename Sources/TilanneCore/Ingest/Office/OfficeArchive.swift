import CZlibChecksum
import Foundation
import ZIPFoundation

/// An XLSX or DOCX file opened as what it is, a ZIP archive of XML parts written by someone
/// else. Checks the file's signature before trusting its extension, refuses entry names that
/// escape the archive, and streams each part with a byte budget shared by the whole file, so a
/// ZIP bomb stops at the limit instead of filling memory or disk.
final class OfficeArchive {
    private let archive: Archive
    /// Bytes of expanded XML this file may still produce.
    private var budget: Int
    let limit: Int
    /// Chunk size of the decompressed stream handed to the XML parser.
    private let chunkSize = 256 * 1024

    init(url: URL, expansionLimit: Int) throws(OfficeReadError) {
        try Self.checkSignature(url)
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .damagedArchive(String(describing: error))
        }
        budget = expansionLimit
        limit = expansionLimit
        for entry in archive where !Self.isContained(entry.path) {
            throw .unsafeEntryPath(entry.path)
        }
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// A part's size as its entry declares it (0 when there is no such part).
    func uncompressedSize(_ path: String) -> UInt64 { archive[path]?.uncompressedSize ?? 0 }

    /// Every entry's name, in archive order.
    var partNames: [String] { archive.map(\.path) }

    /// Streams one part through `consume` in chunks; the declared size is checked first and
    /// the real size as it expands (a declared size can lie).
    func stream(_ path: String, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = archive[path] else { throw OfficeReadError.missingPart(path) }
        if entry.uncompressedSize > UInt64(max(budget, 0)) {
            throw OfficeReadError.expansionLimit(entry: path, limit: limit)
        }
        // The checksum is computed here with zlib's crc32: the ZIP library's own check, written
        // in Swift, took 8 % of reading a 100,000-row workbook (docs/decisions/0002).
        var checksum = crc32(0, nil, 0)
        do {
            _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: true) { data in
                budget -= data.count
                if budget < 0 { throw OfficeReadError.expansionLimit(entry: path, limit: limit) }
                try data.withUnsafeBytes { buffer in
                    checksum = crc32(checksum, buffer.bindMemory(to: UInt8.self).baseAddress, uInt(buffer.count))
                    try consume(buffer)
                }
            }
        } catch let error as OfficeReadError {
            throw error
        } catch let error as XMLStreamStop {
            throw error
        } catch {
            throw OfficeReadError.damagedArchive("\(path): \(error)")
        }
        if entry.checksum != 0 && UInt32(checksum) != entry.checksum {
            throw OfficeReadError.damagedArchive("\(path): CRC-32")
        }
    }

    /// Entry names are relative paths inside the archive; `..` or a leading `/` would let a
    /// reader that extracts them write outside its folder, so such an archive is refused.
    static func isContained(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.dropFirst().first == ":" { return false }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return !parts.contains("..")
    }

    /// A ZIP starts with `PK\3\4` (or `PK\5\6` when empty). Names what the file looks like
    /// otherwise, so the message can say "this is an old .xls" rather than "corrupt".
    static func checkSignature(_ url: URL) throws(OfficeReadError) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw .damagedArchive("unreadable") }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return }
        let detected: String
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            detected = "OLE2 (.xls/.doc)"
        } else if head.isEmpty {
            detected = "empty"
        } else if head.starts(with: Array("<".utf8)) || head.starts(with: [0xEF, 0xBB, 0xBF, 0x3C]) {
            detected = "XML/HTML"
        } else if head.starts(with: Array("%PDF".utf8)) {
            detected = "PDF"
        } else if head.allSatisfy({ $0 >= 0x09 && $0 != 0x7F }) {
            detected = "text"
        } else {
            detected = "binary"
        }
        throw .notAnArchive(detected: detected)
    }
}

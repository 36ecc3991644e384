import Foundation

/// What is checked around publishing, so that nothing corrupt or half-written replaces the
/// previous good reports: free space before writing, and every file read back after.
enum PublishChecks {
    /// Refuses to start when the output folder or libxlsxwriter's temporary folder has less free
    /// space than the run will need: three times what the reports took last time, at least 4 MiB.
    static func freeSpace(output folder: URL, previous: [URL]) throws {
        try freeSpace(in: [folder.path, XLSXWorkbook.temporaryFolder], previous: previous)
    }

    /// The same check for any folders a run writes to (the history's state folder as well).
    public static func freeSpace(in folders: [String], previous: [URL]) throws {
        let previousBytes = previous.reduce(0) { total, url in
            total + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        }
        let needed = max(4 * 1024 * 1024, 3 * previousBytes)
        for path in Set(folders) {
            guard let free = available(path) else { continue }
            if free < needed {
                throw OutputError(path: path, problem: "not enough free space: \(megabytes(free)) free, about \(megabytes(needed)) needed; "
                                  + "nothing was written and the previous reports are unchanged")
            }
        }
    }

    static func available(_ path: String) -> Int? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }

    /// Reads a written file back: an XLSX is opened as a ZIP and every XML part proved whole
    /// (libxlsxwriter can report success for a broken file when its temporary folder fills up);
    /// a CSV or HTML file must be complete. Throws with what is wrong.
    static func verify(_ url: URL, format: OutputFormat, shownAs final: URL) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size > 0 else { throw OutputError(path: final.path, problem: "the written file is empty") }
        switch format {
        case .xlsx:
            do {
                try verifyWorkbook(url)
            } catch {
                throw OutputError(path: final.path, problem: "the written workbook does not read back (\(error)); not published")
            }
        case .pdf:
            let head = (try? FileHandle(forReadingFrom: url).read(upToCount: 5)) ?? nil
            guard head == Data("%PDF-".utf8), try tail(url).contains("%%EOF") else {
                throw OutputError(path: final.path, problem: "the written PDF is incomplete; not published")
            }
        case .html:
            guard try tail(url).hasSuffix("</html>\n") else {
                throw OutputError(path: final.path, problem: "the written HTML is incomplete; not published")
            }
        case .csv:
            guard try tail(url).hasSuffix("\r\n") else {
                throw OutputError(path: final.path, problem: "the written CSV is incomplete; not published")
            }
        }
    }

    private static func tail(_ url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let end = try handle.seekToEnd()
        try handle.seek(toOffset: end > 64 ? end - 64 : 0)
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }

    /// Every XML part of a written workbook, inflated and checked by `XMLShapeCheck` (the
    /// elements balanced and closed, nothing after the root): what a temporary file cut short
    /// breaks. A part the check has any doubt about is parsed whole by libxml2, which gives the
    /// verdict and its message. Two workers check the parts, largest first, each with its own
    /// reader of the archive: a large report's status sheet beside its other parts (with a
    /// history, the change list can be as long). They are threads of their own (`SideBySide`):
    /// the publisher calls this from its own `concurrentPerform`, and libdispatch ran an apply
    /// nested in it mostly on the calling thread (sampled while a 100,000-action workbook was
    /// checked, the second worker took 59 of 536 samples).
    static func verifyWorkbook(_ url: URL) throws {
        let archive = try OfficeArchive(url: url, expansionLimit: 1 << 32)
        for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"] where !archive.contains(part) {
            throw OfficeReadError.missingPart(part)
        }
        let parts = archive.partNames.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") }
        let order = parts.indices.sorted { archive.uncompressedSize(parts[$0]) > archive.uncompressedSize(parts[$1]) }
        let results = PartResults(count: parts.count)
        let worker = {
            let reader: OfficeArchive
            do {
                reader = try OfficeArchive(url: url, expansionLimit: 1 << 32)
            } catch {
                results.fail(order[0], error)
                return
            }
            while let index = results.next().map({ order[$0] }) {
                do {
                    try verifyPart(parts[index], in: reader)
                } catch {
                    results.fail(index, error)
                }
            }
        }
        try SideBySide.run(worker, worker)
        // The first broken part in archive order, whichever worker found it.
        if let failure = results.firstFailure { throw failure }
    }

    private static func verifyPart(_ part: String, in archive: OfficeArchive) throws {
        var check = XMLShapeCheck()
        try archive.stream(part) { chunk in check.feed(chunk) }
        if check.finish() { return }
        try XMLStream.parse(part, in: archive, with: IgnoringHandler())
    }

    /// The parts still to check and what failed, shared by the workers.
    private final class PartResults: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private let count: Int
        private var failures: [Int: any Error] = [:]

        init(count: Int) { self.count = count }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard taken < count else { return nil }
            taken += 1
            return taken - 1
        }

        func fail(_ index: Int, _ error: any Error) {
            lock.lock()
            failures[index] = failures[index] ?? error
            lock.unlock()
        }

        var firstFailure: (any Error)? {
            lock.lock()
            defer { lock.unlock() }
            return failures.keys.min().flatMap { failures[$0] }
        }
    }

    private final class IgnoringHandler: XMLStreamHandler {
        func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {}
        func endElement(_ name: XMLName) throws {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }
}

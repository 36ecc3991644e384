import Foundation
import GRDB
import Testing
@testable import TilanneCore

/// Files in folders others may write to: nothing is written through a planted link, a name that
/// would take another file's place is refused at config load, the publishing journal never
/// blocks the night, and a damaged or empty history is refused before it is written to.
@Suite("Safe files: links, names, journal, history checks")
struct SafeFilesTests {
    private let outside = Data("not the report's to overwrite\n".utf8)

    /// A folder with a file outside it and a link to that file inside.
    private func planted(_ name: String) throws -> (folder: URL, link: URL, target: URL) {
        let base = try TestSupport.temporaryFolder()
        let folder = base.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = base.appendingPathComponent("outside.txt")
        try outside.write(to: target)
        let link = folder.appendingPathComponent(name)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        return (folder, link, target)
    }

    @Test("A new file is created exclusively: a link, dangling or not, is refused and its target kept")
    func createNew() throws {
        let (folder, link, target) = try planted("report.csv")
        #expect(throws: OutputError.self) { try SafeFile.createNew(link.path) }
        let dangling = folder.appendingPathComponent("dangling.csv")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: folder.appendingPathComponent("nowhere").path)
        #expect(throws: OutputError.self) { try SafeFile.createNew(dangling.path) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere").path))
        #expect(try Data(contentsOf: target) == outside)
        let fresh = try SafeFile.createNew(folder.appendingPathComponent("fresh.csv").path)
        close(fresh)
    }

    @Test("The CSV, HTML and XLSX renderers never write through a link at their file's name")
    func renderersRefuseLinks() throws {
        let config = try TestSupport.kuopioConfig()
        let (_, model) = TestSupport.model(config)
        let renderers: [any ReportRenderer] = [CSVReportRenderer(), HTMLReportRenderer(), XLSXReportRenderer()]
        for renderer in renderers {
            let (_, link, target) = try planted("report.\(renderer.format.rawValue)")
            #expect(throws: OutputError.self, "\(renderer.format)") { try renderer.render(model, to: link) }
            #expect(try Data(contentsOf: target) == outside, "\(renderer.format)")
        }
    }

    @Test("The run lock is refused when it is a link or a hard link, and the file it names is kept")
    func lockLinks() throws {
        let (folder, _, target) = try planted(RunLock.fileName)
        do {
            _ = try RunLock(folder: folder)
            Issue.record("a link was taken as the lock")
        } catch let error as OutputError {
            #expect(error.problem.contains("symbolic link"))
        }
        #expect(try Data(contentsOf: target) == outside)

        let other = try TestSupport.temporaryFolder()
        let file = other.appendingPathComponent("kept.txt")
        try outside.write(to: file)
        try FileManager.default.linkItem(at: file, to: other.appendingPathComponent(RunLock.fileName))
        #expect(throws: OutputError.self) { try RunLock(folder: other) }
        #expect(try Data(contentsOf: file) == outside)

        let fine = try TestSupport.temporaryFolder()
        let lock = try RunLock(folder: fine)
        lock.release()
    }

    @Test("A set is rendered in a private folder and renamed into place: a link at a final name is replaced, never followed")
    func publishReplacesLinks() throws {
        let (folder, link, target) = try planted("tilanne-1-2024.csv")
        let config = try TestSupport.kuopioConfig()
        let (_, model) = TestSupport.model(config)
        let published = try ReportPublisher(folder: folder, renderers: [CSVReportRenderer()]).publish(model) { _ in link.lastPathComponent }
        #expect(published == [link])
        #expect(SafeFile.isRegularFile(link.path))
        #expect(try Data(contentsOf: target) == outside)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty)
        for name in ["..", ".", "a/b", ".tilanne.lock", ".x.tmp"] {
            #expect(throws: OutputError.self, "\(name)") {
                try ReportPublisher(folder: folder, renderers: [CSVReportRenderer()]).publish(model) { _ in name }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [link.lastPathComponent])
    }

    @Test("A group's folder is made part by part, and a link in its place is refused")
    func groupFolders() throws {
        let (folder, link, _) = try planted("elinvoima")
        #expect(try SafeFile.makeFolders("./alue/kohta", in: folder).path == folder.path + "/alue/kohta")
        #expect(SafeFile.isFolder(folder.appendingPathComponent("alue/kohta").path))
        #expect(throws: OutputError.self) { try SafeFile.makeFolders("elinvoima", in: folder) }
        #expect(throws: OutputError.self) { try SafeFile.makeFolders("elinvoima/alue", in: folder) }
        #expect(throws: OutputError.self) { try SafeFile.makeFolders("../ulos", in: folder) }
        #expect(SafeFile.status(link.path).map { ($0.st_mode & S_IFMT) == S_IFLNK } == true)
    }

    @Test("A journal entry that can never complete is dropped and reported; the others complete")
    func journalEntries() throws {
        let folder = try TestSupport.temporaryFolder()
        let work = folder.appendingPathComponent(".tilanne-tmp-abcdef")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data("new\r\n".utf8).write(to: work.appendingPathComponent("a.csv"))
        try Data("other\r\n".utf8).write(to: work.appendingPathComponent("b.csv"))
        try Data("legacy\r\n".utf8).write(to: folder.appendingPathComponent(".c.csv.123.tmp"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("d.csv"), withIntermediateDirectories: true)
        try Data("d\r\n".utf8).write(to: work.appendingPathComponent("d.csv"))
        let journal = """
            .tilanne-tmp-abcdef/a.csv\ta.csv
            .tilanne-tmp-abcdef/b.csv\t..
            .c.csv.123.tmp\tc.csv
            ../outside.tmp\te.csv
            .tilanne-tmp-abcdef/d.csv\td.csv
            .tilanne-tmp-abcdef/gone.csv\tgone.csv
            one name only

            """
        try Data(journal.utf8).write(to: folder.appendingPathComponent(ReportPublisher.journalName))
        let dropped = try ReportPublisher.recover(folder)
        #expect(dropped.count == 4, "\(dropped)")
        #expect(dropped.contains { $0.hasSuffix("\(ReportPublisher.journalName):2: dropped an entry that cannot complete (\"..\" is not a report's file name)") })
        #expect(dropped.contains { $0.contains(":4: ") && $0.contains("not a temporary file's name") })
        #expect(dropped.contains { $0.contains(":5: ") && $0.contains("d.csv is a folder") })
        #expect(dropped.contains { $0.contains(":7: ") })
        #expect(try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8) == "new\r\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("c.csv"), encoding: .utf8) == "legacy\r\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["a.csv", "c.csv", "d.csv"])
        #expect(try ReportPublisher.recover(folder).isEmpty)
    }

    @Test("A journal that is a link is removed unread; a planted temporary name is removed, not followed")
    func journalLink() throws {
        let (folder, _, target) = try planted(ReportPublisher.journalName)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(".x.csv.1.tmp"), withDestinationURL: target)
        let dropped = try ReportPublisher.recover(folder)
        #expect(dropped.count == 1 && dropped[0].contains("a symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try Data(contentsOf: target) == outside)
    }

    // MARK: Configuration

    private let shipped = TestSupport.shippedConfigText

    private func parse(_ text: String) throws -> TilanneConfig {
        try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
    }

    private func refused(_ text: String, key: String, saying words: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(text)
            Issue.record("accepted", sourceLocation: sourceLocation)
        } catch let error as ConfigError {
            #expect(error.keyPath == key, "\(error)", sourceLocation: sourceLocation)
            #expect(error.line != nil, sourceLocation: sourceLocation)
            #expect(error.problem.contains(words), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
    }

    private func group(_ folder: String, name: String = "Elinvoima") -> String {
        "\n  - name: \(name)\n    folder: \"\(folder)\"\n    items: [9]\n"
    }

    @Test("A group folder that is the output folder, or another group's, is a config error with its key and line")
    func groupFolderRules() throws {
        for folder in [".", "./", "a/..", "./."] {
            refused(shipped + "groups:" + group(folder), key: "groups[0].folder", saying: folder == "a/.." ? "inside" : "output folder itself")
        }
        refused(shipped + "groups:" + group("elinvoima") + group("./elinvoima/", name: "Toinen"), key: "groups[1].folder",
                saying: "already writes into the folder")
        refused(shipped + "groups:" + group(".tilanne-tmp-x"), key: "groups[0].folder", saying: "Tilanne's own files")
        refused(shipped + "groups:" + group("kasvava-kuopio-tilanne-1-2024.xlsx/sub"), key: "groups[0].folder", saying: "needs the folder")
        refused(shipped + "groups:" + group("elinvoima") + group("elinvoima/kasvava-kuopio-tilanne-1-2024.xlsx", name: "Toinen"),
                key: "groups[1].folder", saying: "needs the folder")
        let fine = try parse(shipped + "groups:" + group("elinvoima") + group("elinvoima/alue", name: "Toinen"))
        #expect(fine.groups.map(\.folder) == ["elinvoima", "elinvoima/alue"])
    }

    @Test("A file name that leaves the folder or takes an internal file's, the database's or another report's place is a config error")
    func fileNames() throws {
        let xlsx = "xlsx: kasvava-kuopio-tilanne-{period}.xlsx"
        let html = "html: kasvava-kuopio-tilanne-{period}.html"
        refused(shipped.replacingOccurrences(of: xlsx, with: "xlsx: \"..\""), key: "outputs.file_names.xlsx", saying: "not a file name")
        refused(shipped.replacingOccurrences(of: xlsx, with: "xlsx: \".\""), key: "outputs.file_names.xlsx", saying: "not a file name")
        refused(shipped.replacingOccurrences(of: xlsx, with: "xlsx: \"\(String(repeating: "x", count: 256))\""),
                key: "outputs.file_names.xlsx", saying: "not a file name")
        for own in [".tilanne.lock", ".tilanne-publish.journal", ".tilanne-tmp-abcdef", ".report.tmp"] {
            refused(shipped.replacingOccurrences(of: html, with: "html: \"\(own)\""), key: "outputs.file_names.html", saying: "own files")
        }
        refused(shipped.replacingOccurrences(of: html, with: "html: kasvava-kuopio-tilanne-{period}.csv"),
                key: "outputs.file_names.html", saying: "where the report \"kasvava-kuopio-tilanne-1-2024.csv\" is")
        // The Swedish list of changes against a main file named like it: the later of the two is named.
        refused(shipped.replacingOccurrences(of: html, with: "html: kasvava-kuopio-tilanne-{period}-forandringar-sv.csv"),
                key: "outputs.file_names.csv", saying: "where the report")
        let sameFolder = shipped.replacingOccurrences(of: "state_folder: ../State", with: "state_folder: ../Output")
        refused(sameFolder.replacingOccurrences(of: html, with: "html: tilanne-history.sqlite"), key: "outputs.file_names.html",
                saying: "where the history database (tilanne-history.sqlite) is")
        refused(sameFolder.replacingOccurrences(of: html, with: "html: tilanne-history.sqlite-wal"), key: "outputs.file_names.html",
                saying: "history database")
        refused(sameFolder.replacingOccurrences(of: html, with: "html: last-run.json"), key: "outputs.file_names.html", saying: "run summary")
        refused(shipped + "operations:\n  summary: ../Output/.tilanne.lock\n", key: "operations.summary", saying: "the run lock")
        #expect(try parse(sameFolder).outputs.folder == "../Output")
    }

    // MARK: History

    @Test("An empty history file is refused, not initialised; a missing one is created")
    func emptyHistory() throws {
        let folder = try TestSupport.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.sqlite")
        try Data().write(to: empty)
        do {
            _ = try HistoryStore(url: empty)
            Issue.record("an empty file was taken as the history")
        } catch {
            #expect(error.problem.contains("0 bytes"))
        }
        #expect(try Data(contentsOf: empty).isEmpty)
        let fresh = try HistoryStore(url: folder.appendingPathComponent("new/fresh.sqlite"))
        #expect(try fresh.appliedMigrations() == HistorySchema.migrator.migrations.sorted())
    }

    @Test("A damaged page is found by quick_check before anything is written")
    func damagedPage() throws {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("history.sqlite")
        _ = try HistoryStore(url: url)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO run (startedAt, finishedAt, period, fingerprint, outcome, actions, rejected, warnings, errors) VALUES ('a', 'b', '1/2024', 'f', 'published', 1, 0, 0, 0)")
            for position in 0..<400 {
                try db.execute(sql: """
                    INSERT INTO runAction (runId, position, identity, lineage, theme, goalNumber, goalTitle, action, projects, responsible,
                                           progress, status, statusKey, sourceFile, sourceRow, itemPath)
                    VALUES (1, ?, ?, ?, 'T', 1, 'G', ?, '', '', '+', ?, 'k', 'f', ?, 'p/1')
                    """, arguments: [position, "id-\(position)", "id-\(position)", "Toimenpide \(position)",
                                     String(repeating: "tilanne ", count: 20), position])
            }
        }
        let root = try queue.read { try Int.fetchOne($0, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'runAction'")! }
        let pageSize = try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size")! }
        try queue.close()
        var bytes = try Data(contentsOf: url)
        let offset = (root - 1) * pageSize
        #expect(bytes[offset] == 0x05)  // an interior page: the rows fill several
        bytes.replaceSubrange(offset..<offset + 8, with: [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        try bytes.write(to: url)
        do {
            _ = try HistoryStore(url: url)
            Issue.record("a damaged database was opened")
        } catch {
            #expect(error.problem.contains("damaged") && error.problem.contains("quick_check"), "\(error)")
        }
        #expect(try Data(contentsOf: url) == bytes)
    }
}

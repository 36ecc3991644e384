/// Where a reporting period is in its life: open (the nightly runs write drafts), published
/// (`tilanne publish` made the council edition and archived it) or frozen (`tilanne freeze`
/// stored what was published as the comparison base of later periods; never rewritten).
public enum PeriodState: String, Sendable, Codable {
    case open
    case published
    case frozen
}

/// A period's state with what decided it.
public struct PeriodStatus: Sendable {
    public var state: PeriodState
    /// The latest publication of the period, when it was published (frozen periods keep theirs).
    public var publication: Publication?
    public var frozenAt: String?
}

/// One `tilanne publish`: what the council edition was made from and exactly what it wrote.
public struct Publication: Sendable, Codable {
    public var id: Int64
    public var label: String
    public var publishedAt: String
    /// The run fingerprint (configuration, programme and inputs): equal means a run now would
    /// write the same reports.
    public var fingerprint: String
    public var inputs: PublicationInputs
    /// The archive folder the files were copied to.
    public var archive: String
    public var actions: Int
    /// Each file's name relative to the archive folder, size and SHA-256.
    public var files: [RunSummary.FileRecord]
}

/// The files a publication was made from, compared file by file when freezing, so a refusal
/// can say which file changed rather than only that something did.
public struct PublicationInputs: Sendable, Codable, Equatable {
    /// SHA-256 of the run configuration file and of the programme file.
    public var configuration: String
    public var programme: String?
    public var files: [RunSummary.FileRecord]

    public init(configuration: String, programme: String?, files: [RunSummary.FileRecord]) {
        self.configuration = configuration
        self.programme = programme
        self.files = files
    }

    /// What differs in `current` from these inputs: configuration first, then files by path.
    public func changes(to current: PublicationInputs) -> [InputChange] {
        var changes: [InputChange] = []
        if configuration != current.configuration { changes.append(InputChange(kind: .configuration, path: nil)) }
        if programme != current.programme { changes.append(InputChange(kind: .programme, path: nil)) }
        let before = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(current.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for file in current.files {
            if let old = before[file.path] {
                if old.sha256 != file.sha256 { changes.append(InputChange(kind: .changed, path: file.path)) }
            } else {
                changes.append(InputChange(kind: .added, path: file.path))
            }
        }
        for file in files where now[file.path] == nil { changes.append(InputChange(kind: .removed, path: file.path)) }
        return changes
    }
}

/// One difference between a publication's inputs and today's.
public struct InputChange: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case configuration, programme, changed, added, removed
    }

    public var kind: Kind
    public var path: String?
}

/// A step in a period's life, as recorded: opened, published, frozen, unfrozen.
public struct PeriodEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case opened, published, frozen, unfrozen
    }

    public var label: String
    public var kind: Kind
    public var at: String
    /// Who or why, when the command was told (`unfreeze --reason`), or what was done.
    public var detail: String

    public init(label: String, kind: Kind, at: String, detail: String) {
        (self.label, self.kind, self.at, self.detail) = (label, kind, at, detail)
    }
}

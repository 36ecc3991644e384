/// One value a finding is filled in with, typed so that the message can be written in any
/// reader's language at the edge: a text quoted from the input stays as written, a phrase or a
/// name the programme gives per language is written in the reader's language, a count as a number.
public enum DiagnosticArgument: Codable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Quoted from the input, the configuration or the system: never translated.
    case text(String)
    case count(Int)
    /// A phrase of Tilanne's own, written in the reader's language.
    case phrase(DiagnosticPhrase)
    /// A name the programme gives in several languages (a level's name, a column's label).
    case names([ReportLanguage: String])
    /// A language, named in the reader's language ("ruotsi", "svenska").
    case language(ReportLanguage)
    /// A document's table by its number ("taulukko 2", "tabell 2").
    case documentTable(Int)
    /// A number of days or hours ("45 päivää", "36 timmar").
    case duration(AgeLimit)

    public init(stringLiteral value: String) { self = .text(value) }

    // JSON for other programs: a quoted text as a string, a count as a number, the others as
    // one-key objects (`{"phrase": "fileNotFound"}`, `{"names": {"fi": "Tavoite"}}`).
    private enum Key: String, CodingKey { case phrase, names, language, table, duration }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let count = try? single.decode(Int.self) { self = .count(count); return }
            if let text = try? single.decode(String.self) { self = .text(text); return }
        }
        let object = try decoder.container(keyedBy: Key.self)
        if let phrase = try object.decodeIfPresent(DiagnosticPhrase.self, forKey: .phrase) {
            self = .phrase(phrase)
        } else if let names = try object.decodeIfPresent([String: String].self, forKey: .names) {
            self = .names(Dictionary(uniqueKeysWithValues: names.compactMap { key, value in ReportLanguage(rawValue: key).map { ($0, value) } }))
        } else if let language = try object.decodeIfPresent(ReportLanguage.self, forKey: .language) {
            self = .language(language)
        } else if let written = try object.decodeIfPresent(String.self, forKey: .duration) {
            guard let duration = AgeLimit(written) ?? AgeLimit.zero(written) else {
                throw DecodingError.dataCorruptedError(forKey: .duration, in: object, debugDescription: "not a duration: \(written)")
            }
            self = .duration(duration)
        } else {
            self = .documentTable(try object.decode(Int.self, forKey: .table))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .count(let count):
            var single = encoder.singleValueContainer()
            try single.encode(count)
        case .phrase(let phrase):
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(phrase, forKey: .phrase)
        case .names(let names):
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(Dictionary(uniqueKeysWithValues: names.map { ($0.key.rawValue, $0.value) }), forKey: .names)
        case .language(let language):
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(language, forKey: .language)
        case .documentTable(let number):
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(number, forKey: .table)
        case .duration(let duration):
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(duration.written, forKey: .duration)
        }
    }

    /// The argument as the main-language tests and logs see it; readers get `MessageCatalogue.text(of:)`.
    public var description: String { MessageCatalogue(language: .fi).text(of: self) }
}

/// Tilanne's own words inside findings, so a Swedish finding is Swedish throughout.
public enum DiagnosticPhrase: String, Codable, Sendable, Hashable, CaseIterable {
    case fileNotFound
    case cannotOpenFile
    case dataKeywordMissing
    case dataKeywordNotFoundEarly
    case oldBinaryFormat
    case emptyContent
    case textContent
    case binaryContent
    case actionText
    /// "Tiedosto" / "Filen": what a `source.unread-file` finding names.
    case theFile
    /// "Kansio" / "Mappen".
    case theFolder
}

/// What a finding is about, beyond where it was found: the reader of the checks list sees
/// "Indikaattori vakiluku: …" and a monitor can group findings by it.
public enum DiagnosticSubject: Codable, Sendable, Hashable {
    case action(String)
    case item(ItemPath)
    case indicator(String)
    case group(String)
    case file(String)
}

import Foundation

/// The keywords of a PX (PC-Axis) file before `DATA=`, as Statistics Finland writes them:
/// `VALUES[sv]("Område")="Hela landet","Helsingfors";`, strings continued over lines
/// (`"…"` followed by `"…"` is one text), bare values (`DECIMALS=1;`, `COPYRIGHT=YES;`) and
/// `TLIST(A1),"2008",…` or `TLIST(A1, "1994"-"1996")`.
struct PXHeader: Sendable {
    struct Entry: Sendable {
        var keyword: String
        /// nil: the file's main language.
        var language: String?
        /// The names in parentheses: a variable, or a variable and one of its values.
        var subkeys: [String]
        /// The items separated by commas; quoted items without their quotes.
        var items: [String]
        /// Line of the keyword, for findings.
        var line: Int
    }

    var entries: [Entry] = []

    struct SyntaxError: Error {
        var line: Int
        var problem: String
    }

    func entry(_ keyword: String, language: String? = nil, subkeys: [String] = []) -> Entry? {
        entries.first { $0.keyword == keyword && $0.language == language && $0.subkeys == subkeys }
    }

    func items(_ keyword: String, language: String? = nil, subkeys: [String] = []) -> [String]? {
        entry(keyword, language: language, subkeys: subkeys)?.items
    }

    func text(_ keyword: String, language: String? = nil, subkeys: [String] = []) -> String? {
        items(keyword, language: language, subkeys: subkeys)?.joined(separator: ", ")
    }

    /// The file's main language and every language it has keys in.
    private(set) var mainLanguage = "fi"
    private(set) var languages: [String] = ["fi"]

    /// Parses the header text (everything before `DATA=`).
    static func parse(_ text: String) throws(SyntaxError) -> PXHeader {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        var header = PXHeader()
        while true {
            parser.skipSpace()
            guard !parser.atEnd else { break }
            header.entries.append(try parser.statement())
        }
        header.foldMainLanguage()
        return header
    }

    /// The main language is `LANGUAGE` (else the first of `LANGUAGES`, else Finnish). By the PX
    /// specification the main language's tag is optional, so `STUB[no]=` in a file with
    /// `LANGUAGE="no"` is the key `STUB=`: such keys are stored untagged. Keys in other
    /// languages keep their tag; a language a key is tagged with but `LANGUAGES` omits is
    /// still one of the file's languages.
    private mutating func foldMainLanguage() {
        func code(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }
        let declared = (items("LANGUAGES") ?? []).map(code).filter { !$0.isEmpty }
        let main = text("LANGUAGE").map(code).flatMap { $0.isEmpty ? nil : $0 } ?? declared.first ?? "fi"
        var seen = [main]
        for language in declared where !seen.contains(language) { seen.append(language) }
        for index in entries.indices {
            guard let tag = entries[index].language.map(code) else { continue }
            if tag == main || tag.isEmpty {
                entries[index].language = nil
            } else {
                entries[index].language = tag
                if !seen.contains(tag) { seen.append(tag) }
            }
        }
        mainLanguage = main
        languages = seen
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var line = 1

        var atEnd: Bool { position >= scalars.count }
        var current: Unicode.Scalar? { atEnd ? nil : scalars[position] }

        mutating func advance() {
            if scalars[position] == "\n" { line += 1 }
            position += 1
        }

        mutating func skipSpace() {
            while let c = current, c.properties.isWhitespace { advance() }
        }

        mutating func statement() throws(SyntaxError) -> Entry {
            let startLine = line
            var keyword = ""
            while let c = current, c != "[", c != "(", c != "=", c != ";" {
                if !c.properties.isWhitespace { keyword.unicodeScalars.append(c) }
                advance()
            }
            guard !keyword.isEmpty else { throw SyntaxError(line: startLine, problem: "a keyword is missing") }
            var language: String?
            if current == "[" {
                advance()
                var code = ""
                while let c = current, c != "]" { code.unicodeScalars.append(c); advance() }
                guard current == "]" else { throw SyntaxError(line: startLine, problem: "\(keyword)[ is not closed") }
                advance()
                language = code.trimmingCharacters(in: .whitespaces)
            }
            var subkeys: [String] = []
            skipSpace()
            if current == "(" {
                advance()
                while true {
                    skipSpace()
                    guard current == "\"" else { throw SyntaxError(line: line, problem: "\(keyword)( expects quoted names") }
                    subkeys.append(try quoted())
                    skipSpace()
                    if current == "," { advance(); continue }
                    if current == ")" { advance(); break }
                    throw SyntaxError(line: line, problem: "\(keyword)( is not closed")
                }
            }
            skipSpace()
            guard current == "=" else { throw SyntaxError(line: line, problem: "\"=\" expected after \(keyword)") }
            advance()
            var items: [String] = []
            while true {
                skipSpace()
                guard let c = current else { throw SyntaxError(line: startLine, problem: "\(keyword) does not end with \";\"") }
                if c == ";" { advance(); break }
                if c == "," { advance(); continue }
                if c == "\"" {
                    // Adjacent strings are one text broken over lines.
                    var text = try quoted()
                    while true {
                        let save = (position, line)
                        skipSpace()
                        if current == "\"" { text += try quoted() } else { (position, line) = save; break }
                    }
                    items.append(text)
                } else {
                    items.append(bare())
                }
            }
            return Entry(keyword: keyword, language: language, subkeys: subkeys, items: items, line: startLine)
        }

        mutating func quoted() throws(SyntaxError) -> String {
            let startLine = line
            advance()
            var text = ""
            while let c = current, c != "\"" { text.unicodeScalars.append(c); advance() }
            guard current == "\"" else { throw SyntaxError(line: startLine, problem: "a quoted text is not closed") }
            advance()
            return text
        }

        /// A bare value up to `,` or `;` outside parentheses: `YES`, `1`, `TLIST(A1, "1994"-"1996")`.
        mutating func bare() -> String {
            var text = ""
            var depth = 0
            while let c = current {
                if depth == 0, c == "," || c == ";" { break }
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
                text.unicodeScalars.append(c)
                advance()
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}

/// One mailbox as RFC 5322 (section 3.4) writes it: `raportit@kuopio.fi`, `<raportit@kuopio.fi>`,
/// `Kuopion kaupunki <raportit@kuopio.fi>` or `"Virtanen, Matti" <matti.virtanen@kuopio.fi>`.
///
/// The display name may hold any letters (`Åbo stad`, `Kuopion kaupunginhallitus`): it is
/// encoded per RFC 2047 when the header is written. The address itself (`local@domain`) is
/// ASCII, as every mail server takes it; a domain with å, ä or ö is written in its `xn--` form.
/// Comments, groups and the obsolete forms of the RFC are not accepted: a configuration names
/// one mailbox per entry.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name as the reader sees it (quotes and escapes removed); nil when not given.
    public var displayName: String?
    /// The local part as it goes on the wire: a dot-atom, or a quoted string with its quotes.
    public var localPart: String
    public var domain: String

    /// `local@domain`: what the sendmail program is given as the recipient.
    public var addressSpec: String { "\(localPart)@\(domain)" }

    /// The mailbox as a configuration writes it, with the display name quoted when it must be.
    public var description: String {
        guard let displayName else { return addressSpec }
        return "\(MailAddress.phraseText(displayName)) <\(addressSpec)>"
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var problem: String
        public var description: String { problem }
    }

    /// The longest address SMTP carries (RFC 5321, 4.5.3.1): 64 for the local part, 254 in all.
    static let maxLocalPart = 64
    static let maxAddressSpec = 254

    /// Parses one mailbox. Control characters (a line break above all) are refused first, by
    /// Unicode scalar: `"\r\n"` is one Swift `Character`, so a check by characters would miss it.
    public static func parse(_ text: String) throws(ParseError) -> MailAddress {
        if let problem = MailHeader.controlProblem(text) { throw ParseError(problem: problem) }
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.skipSpaces()
        guard !scanner.atEnd else { throw ParseError(problem: "no address is given") }
        let start = scanner.position
        // A display name ends where the angle bracket opens; without one, the whole text is the address.
        var words: [String] = []
        var sawAngle = false
        while !scanner.atEnd {
            if scanner.peek == "<" { sawAngle = true; break }
            if scanner.peek == "\"" {
                words.append(try scanner.quotedString(unescaped: true))
            } else if let atom = scanner.phraseAtom() {
                words.append(atom)
            } else {
                break
            }
            scanner.skipSpaces()
        }
        if !sawAngle {
            // No `<…>`: the text must be a bare address.
            scanner.position = start
            let address = try scanner.addressSpec()
            scanner.skipSpaces()
            if !scanner.atEnd { throw unexpected(scanner) }
            return address
        }
        scanner.position += 1 // "<"
        var address = try scanner.addressSpec()
        guard scanner.peek == ">" else {
            throw ParseError(problem: scanner.atEnd ? "the angle bracket \"<\" is never closed" : unexpected(scanner).problem)
        }
        scanner.position += 1
        scanner.skipSpaces()
        if !scanner.atEnd { throw unexpected(scanner) }
        address.displayName = words.isEmpty ? nil : words.joined(separator: " ")
        return address
    }

    private static func unexpected(_ scanner: Scanner) -> ParseError {
        var probe = scanner
        probe.skipSpaces()
        guard let scalar = probe.peek else { return ParseError(problem: "the address ends too early") }
        switch scalar {
        case ",", ";":
            return ParseError(problem: "one address per list entry: \"\(scalar)\" separates addresses (write them as a list)")
        case "(":
            return ParseError(problem: "comments in parentheses are not accepted; write the name before the address: Name <address>")
        case "@", ":", "[", "]", "\\", ")", ">", "<":
            return ParseError(problem: "\"\(scalar)\" may stand in a display name only inside quotes: \"Name \(scalar) …\" <address>")
        default:
            if probe.position != scanner.position {
                return ParseError(problem: "an address has no spaces; with a name, write Name <address@domain>")
            }
            return ParseError(problem: "\"\(scalar)\" cannot stand here; expected address@domain or Name <address@domain>")
        }
    }

    /// `Kuopion kaupunki` as it is, `"Virtanen, Matti"` quoted: the display name in the form a
    /// configuration writes it (the header writer encodes it per RFC 2047 when needed).
    static func phraseText(_ name: String) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let plain = !words.contains(where: \.isEmpty) && words.allSatisfy { word in
            word.unicodeScalars.allSatisfy { isAtext($0) || !$0.isASCII }
        }
        if plain { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~": true
        default: false
        }
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { position >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }

        mutating func skipSpaces() {
            while let scalar = peek, scalar == " " { position += 1 }
        }

        /// A word of a display name: atext, letters beyond ASCII, and the dot (`J. Virtanen`,
        /// RFC 5322's obs-phrase, as people write initials).
        mutating func phraseAtom() -> String? {
            var word = String.UnicodeScalarView()
            while let scalar = peek, MailAddress.isAtext(scalar) || scalar == "." || !scalar.isASCII {
                word.append(scalar)
                position += 1
            }
            return word.isEmpty ? nil : String(word)
        }

        /// `"…"` with `\"` and `\\` escapes; `unescaped`: its content, otherwise as written.
        mutating func quotedString(unescaped: Bool) throws(ParseError) -> String {
            var content = String.UnicodeScalarView()
            var written = String.UnicodeScalarView(["\""])
            position += 1
            while let scalar = peek {
                position += 1
                written.append(scalar)
                switch scalar {
                case "\"":
                    return unescaped ? String(content) : String(written)
                case "\\":
                    guard let escaped = peek else { break }
                    position += 1
                    written.append(escaped)
                    content.append(escaped)
                default:
                    content.append(scalar)
                }
            }
            throw ParseError(problem: "a quotation mark is never closed")
        }

        /// `local@domain`: the local part a dot-atom or a quoted string, the domain a dot-atom
        /// or a bracketed literal, all ASCII.
        mutating func addressSpec() throws(ParseError) -> MailAddress {
            skipSpaces()
            let local: String
            if peek == "\"" {
                local = try quotedString(unescaped: false)
                if local.unicodeScalars.contains(where: { !$0.isASCII }) {
                    throw ParseError(problem: "the address \(local)@… holds letters beyond ASCII, which not every mail server accepts")
                }
            } else {
                local = try dotAtom(part: "the part before @")
            }
            guard peek == "@" else {
                if atEnd { throw ParseError(problem: "\"\(local)\" is not an address: the @ and the domain are missing") }
                throw MailAddress.unexpected(self)
            }
            position += 1
            let domain: String
            if peek == "[" {
                var literal = String.UnicodeScalarView(["["])
                position += 1
                while let scalar = peek, scalar != "]" {
                    guard scalar.isASCII, scalar != "[", scalar != "\\", scalar != " " else {
                        throw ParseError(problem: "\"\(scalar)\" cannot stand in a domain literal")
                    }
                    literal.append(scalar)
                    position += 1
                }
                guard peek == "]" else { throw ParseError(problem: "the bracket \"[\" of the domain is never closed") }
                position += 1
                literal.append("]")
                domain = String(literal)
            } else {
                domain = try dotAtom(part: "the domain")
            }
            guard local.utf8.count <= MailAddress.maxLocalPart else {
                throw ParseError(problem: "the part before @ is longer than \(MailAddress.maxLocalPart) characters")
            }
            guard local.utf8.count + 1 + domain.utf8.count <= MailAddress.maxAddressSpec else {
                throw ParseError(problem: "the address is longer than \(MailAddress.maxAddressSpec) characters")
            }
            return MailAddress(displayName: nil, localPart: local, domain: domain)
        }

        /// `kuopio.fi`, `matti.virtanen`: atoms joined by single dots.
        private mutating func dotAtom(part: String) throws(ParseError) -> String {
            var text = String.UnicodeScalarView()
            var expectAtom = true
            while let scalar = peek {
                if MailAddress.isAtext(scalar) {
                    expectAtom = false
                } else if scalar == "." {
                    if expectAtom { throw ParseError(problem: "\(part) has an empty part between dots") }
                    expectAtom = true
                } else if !scalar.isASCII {
                    throw ParseError(problem: "\(part) holds \"\(scalar)\": an address is written in ASCII " +
                                     "(a domain with å, ä or ö in its xn-- form)")
                } else {
                    break
                }
                text.append(scalar)
                position += 1
            }
            if text.isEmpty { throw ParseError(problem: "\(part) is missing") }
            if expectAtom { throw ParseError(problem: "\(part) ends with a dot") }
            return String(text)
        }
    }
}

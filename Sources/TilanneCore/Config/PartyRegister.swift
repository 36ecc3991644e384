/// One responsible party of the programme file's `parties:` register: the unit a request
/// workbook goes to, under the one name the coordinator chose for it.
public struct Party: Sendable, Hashable, Codable {
    /// Stable key: the request's file name and the workbook's properties use it, so answers
    /// are matched to the party whatever its name becomes.
    public var key: String
    public var name: String
    /// Other spellings and abbreviations found in the tables ("Yrityspalvelut", "YP").
    public var aliases: [String]
    public var email: [String]
    /// The language the party's request is written in.
    public var language: ReportLanguage

    public init(key: String, name: String, aliases: [String] = [], email: [String] = [], language: ReportLanguage) {
        self.key = key
        self.name = name
        self.aliases = aliases
        self.email = email
        self.language = language
    }
}

/// The register of responsible parties, and how a name written in a table finds its party:
/// by `TextNormaliser.comparisonKey` of the name or an alias, so case, spacing and dashes
/// ("Elinvoima-ja konsernipalvelut") are no difference while another word is.
public struct PartyRegister: Sendable, Hashable, Codable {
    public private(set) var parties: [Party]
    private var byKey: [String: Int] = [:]
    /// Each registered name (names, then aliases, in register order, once) with its bigrams,
    /// made once: a table of 2,000 unknown names compared them anew for each.
    private var likeness: [(name: String, bigrams: [String: Int])] = []

    public init(_ parties: [Party]) {
        self.parties = parties
        var seen: Set<String> = []
        for (index, party) in parties.enumerated() {
            for name in [party.name] + party.aliases {
                let key = TextNormaliser.comparisonKey(name)
                byKey[key] = byKey[key] ?? index
                if seen.insert(name).inserted { likeness.append((name, Self.bigrams(key))) }
            }
        }
    }

    public static func == (lhs: PartyRegister, rhs: PartyRegister) -> Bool { lhs.parties == rhs.parties }
    public func hash(into hasher: inout Hasher) { hasher.combine(parties) }

    /// The party a written name belongs to; nil when the register does not know it.
    // Kept as the list of parties; the look-up table is rebuilt from it.
    public init(from decoder: any Decoder) throws { self.init(try [Party](from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try parties.encode(to: encoder) }

    public func party(named written: String) -> Party? {
        byKey[TextNormaliser.comparisonKey(written)].map { parties[$0] }
    }

    public func party(key: String) -> Party? { parties.first { $0.key == key } }

    /// The registered names (names and aliases) most like `written`, best first, at most
    /// `limit`, each at least `threshold` alike.
    ///
    /// Likeness is the Dice coefficient of the character bigrams of the comparison keys.
    /// Finnish unit names are long compounds ("Kaupunkiympäristön palvelualue"), so whole words
    /// rarely match between variants ("Yrityspalvelu" / "Yrityspalvelut" share no word), and an
    /// edit distance punishes a reordered list ("UEF ja Savonia") and favours short names;
    /// bigrams reward shared pieces of a compound whatever their order and length. At 0.7 a
    /// variant ("Yrityspalvelu" 0.96) is named and a mere fellow "-palvelut" (0.62) is not.
    public func closestNames(to written: String, limit: Int = 3, threshold: Double = 0.7) -> [String] {
        let target = Self.bigrams(TextNormaliser.comparisonKey(written))
        var scored: [(name: String, score: Double)] = []
        for (name, bigrams) in likeness {
            let score = Self.dice(target, bigrams)
            if score >= threshold { scored.append((name, score)) }
        }
        // Ties in register order, so the finding is the same every night.
        return scored.enumerated().sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
            .prefix(limit).map(\.element.name)
    }

    static func bigrams(_ key: String) -> [String: Int] {
        let characters = Array(key)
        var result: [String: Int] = [:]
        guard characters.count > 1 else {
            if let only = characters.first { result[String(only)] = 1 }
            return result
        }
        for index in 0..<(characters.count - 1) { result[String(characters[index...index + 1]), default: 0] += 1 }
        return result
    }

    /// 2·|A∩B| / (|A|+|B|) over bigram multisets: 1 for the same key, 0 for nothing shared.
    static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        return Double(2 * shared) / Double(total)
    }
}

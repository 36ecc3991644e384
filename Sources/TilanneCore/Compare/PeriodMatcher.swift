/// Pairs this period's actions with the previous period's. In order of certainty:
/// 1. the same identity (the id column, or goal + action text);
/// 2. the same action text under another goal (moved): certain;
/// 3. similar wording (reworded), by the Dice coefficient of the two texts' word sets, at
///    least `sameGoalThreshold` under the same goal or `otherGoalThreshold` under another:
///    uncertain, reported so a person can confirm.
/// Each action is matched at most once; the best-scoring pairs are taken first.
struct PeriodMatcher {
    struct Match {
        var current: Int
        var previous: Int
        var kind: Kind
        var similarity: Double
    }

    enum Kind { case identity, sameText, similar }

    var sameGoalThreshold = 0.5
    var otherGoalThreshold = 0.75

    func match(current: [HistoryRow], previous: [HistoryRow]) -> [Match] {
        var matches: [Match] = []
        var previousTaken = [Bool](repeating: false, count: previous.count)
        var currentTaken = [Bool](repeating: false, count: current.count)

        var byIdentity: [String: Int] = [:]
        for (index, row) in previous.enumerated() where byIdentity[row.identity] == nil { byIdentity[row.identity] = index }
        for (index, row) in current.enumerated() {
            guard let other = byIdentity[row.identity], !previousTaken[other] else { continue }
            matches.append(Match(current: index, previous: other, kind: .identity, similarity: 1))
            previousTaken[other] = true
            currentTaken[index] = true
        }

        // Keys only for the rows left: usually a handful, after the identities matched.
        var byText: [String: [Int]] = [:]
        for index in previous.indices where !previousTaken[index] {
            byText[TextNormaliser.comparisonKey(previous[index].action), default: []].append(index)
        }
        for index in current.indices where !currentTaken[index] {
            guard let other = byText[TextNormaliser.comparisonKey(current[index].action)]?.first(where: { !previousTaken[$0] }) else { continue }
            matches.append(Match(current: index, previous: other, kind: .sameText, similarity: 1))
            previousTaken[other] = true
            currentTaken[index] = true
        }

        // Similar wording: candidates share a word, found through an index of the unmatched
        // previous rows' words, so a large table does not compare every pair.
        let openPrevious = previous.indices.filter { !previousTaken[$0] }
        let openCurrent = current.indices.filter { !currentTaken[$0] }
        guard !openPrevious.isEmpty, !openCurrent.isEmpty else { return matches }
        let previousWords = Dictionary(uniqueKeysWithValues: openPrevious.map { ($0, Self.words(previous[$0].action)) })
        var index: [String: [Int]] = [:]
        for candidate in openPrevious { for word in previousWords[candidate]! { index[word, default: []].append(candidate) } }
        var pairs: [Match] = []
        for item in openCurrent {
            let words = Self.words(current[item].action)
            var shared: [Int: Int] = [:]
            for word in words {
                guard let holders = index[word], holders.count <= 200 else { continue } // too common to tell
                for holder in holders { shared[holder, default: 0] += 1 }
            }
            for (candidate, common) in shared {
                let score = 2 * Double(common) / Double(words.count + previousWords[candidate]!.count)
                let threshold = current[item].itemPath == previous[candidate].itemPath ? sameGoalThreshold : otherGoalThreshold
                if score >= threshold { pairs.append(Match(current: item, previous: candidate, kind: .similar, similarity: score)) }
            }
        }
        pairs.sort { ($0.similarity, -$0.current, -$0.previous) > ($1.similarity, -$1.current, -$1.previous) }
        for pair in pairs where !currentTaken[pair.current] && !previousTaken[pair.previous] {
            matches.append(pair)
            currentTaken[pair.current] = true
            previousTaken[pair.previous] = true
        }
        return matches
    }

    /// The distinct words of a text, lower-cased; one-letter words carry no meaning here.
    static func words(_ text: String) -> Set<String> {
        Set(TextNormaliser.singleLine(text).lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .filter { $0.count > 1 }.map(String.init))
    }
}

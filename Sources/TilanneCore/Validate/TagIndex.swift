/// Finds the items of a cross-cutting dimension a row names: by number, key or title.
struct TagIndex {
    private let keys: [String: [String: String]]
    private let names: [String: [ReportLanguage: String]]

    init(register: ProgrammeRegister) {
        var keys: [String: [String: String]] = [:]
        var names: [String: [ReportLanguage: String]] = [:]
        for dimension in register.tags {
            names[dimension.key] = dimension.names
            for item in dimension.items {
                for spelling in [item.key, item.title] + (item.number.map { [$0] } ?? []) + Array(item.titles.values) {
                    keys[dimension.key, default: [:]][TextNormaliser.comparisonKey(spelling)] = item.key
                }
            }
        }
        self.keys = keys
        self.names = names
    }

    func key(dimension: String, reference: String) -> String? {
        var text = TextNormaliser.singleLine(reference)
        while text.last == "." || text.last == ")" { text.removeLast() }
        return keys[dimension]?[TextNormaliser.comparisonKey(text)]
    }

    func name(_ dimension: String, language: ReportLanguage) -> String {
        names[dimension]?[language] ?? names[dimension]?.values.first ?? dimension
    }
}

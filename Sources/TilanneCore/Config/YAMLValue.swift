import Yams

/// A node of the parsed configuration with its key path, so that every type error and every
/// unknown key can be reported with the key and the line it stands on.
struct YAMLValue {
    let node: Node
    let path: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ problem: String) -> ConfigError {
        ConfigError(file: file, line: line, keyPath: path, problem: problem)
    }

    /// A mapping whose keys must all be among `allowed`; an unknown key is an error naming it.
    func mapping(allowed: [String]) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys, found \(kind)") }
        var values: [String: YAMLValue] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else {
                throw ConfigError(file: file, line: keyNode.mark?.line, keyPath: path, problem: "keys must be text")
            }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                let hint = closest(to: key, among: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw ConfigError(file: file, line: keyNode.mark?.line, keyPath: childPath,
                                  problem: "unknown key\(hint); allowed here: \(allowed.joined(separator: ", "))")
            }
            values[key] = YAMLValue(node: valueNode, path: childPath, file: file)
        }
        return YAMLMapping(values: values, owner: self)
    }

    /// A mapping whose keys are free (for example the column mapping); keys in file order.
    func freeMapping() throws -> [(key: String, value: YAMLValue, line: Int?)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys, found \(kind)") }
        return try mapping.map { keyNode, valueNode in
            guard let key = keyNode.string else {
                throw ConfigError(file: file, line: keyNode.mark?.line, keyPath: path, problem: "keys must be text")
            }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            return (key, YAMLValue(node: valueNode, path: childPath, file: file), keyNode.mark?.line)
        }
    }

    func sequence() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, found \(kind)") }
        return sequence.enumerated().map { YAMLValue(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// A list, or a single value taken as a list of one.
    func sequenceOrSingle() throws -> [YAMLValue] {
        if case .sequence = node { return try sequence() }
        return [self]
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text, found \(kind)") }
        return scalar.string
    }

    func int() throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error("expected a whole number, found \(describeValue)")
        }
        return value
    }

    func bool() throws -> Bool {
        guard case .scalar(let scalar) = node else { throw error("expected true or false, found \(kind)") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(describeValue)")
        }
    }

    func oneOf<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String, T: CaseIterable {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("\"\(text)\" is not one of: \(allowed)")
        }
        return value
    }

    private var kind: String {
        switch node {
        case .scalar(let scalar): "the value \"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private var describeValue: String {
        if case .scalar(let scalar) = node { return "\"\(scalar.string)\"" }
        return kind
    }
}

/// The keys of one mapping, checked against the allowed list, read one by one.
struct YAMLMapping {
    let values: [String: YAMLValue]
    let owner: YAMLValue

    subscript(key: String) -> YAMLValue? { values[key] }

    func required(_ key: String) throws -> YAMLValue {
        guard let value = values[key] else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw ConfigError(file: owner.file, line: owner.line, keyPath: path, problem: "required key is missing")
        }
        return value
    }
}

/// The allowed key nearest to a misspelt one, if it is near enough to be a likely typo.
func closest(to key: String, among candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
    let scored = candidates.map { ($0, distance(Array(key), Array($0))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
    return best.0
}

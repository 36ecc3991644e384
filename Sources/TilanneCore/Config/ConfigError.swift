/// A configuration the run cannot start with. Names the key path and the line in the file.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var keyPath: String
    public var problem: String

    public init(file: String, line: Int?, keyPath: String, problem: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.problem = problem
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(place): \(problem)" : "\(place): \(keyPath): \(problem)"
    }
}

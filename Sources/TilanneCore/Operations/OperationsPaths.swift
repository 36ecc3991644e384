import Foundation
import Yams

/// Where a run whose configuration cannot be loaded still leaves its summary and log line, so
/// that a configuration error is never silent to the people who monitor the server: the same
/// keys as a loaded configuration (`operations.summary`, `operations.log`, else the history's
/// `state_folder`, else `outputs.folder`), read leniently from the file as YAML, whatever else
/// in it is wrong. The metrics file (`operations.metrics`) is found the same way, so the
/// monitoring system sees the failed night too.
public enum OperationsPaths {
    /// nil when the file does not even say where its state or output folder is.
    public static func lenient(configFile: URL) -> (summary: URL, log: URL, metrics: URL?)? {
        guard let text = try? String(contentsOf: configFile, encoding: .utf8),
              let root = (try? Yams.load(yaml: text)) as? [String: Any] else { return nil }
        let base = configFile.deletingLastPathComponent()
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL : base.appendingPathComponent(path).standardizedFileURL
        }
        let operations = root["operations"] as? [String: Any]
        let folder: String?
        if let history = root["history"] as? [String: Any] {
            folder = history["state_folder"] as? String ?? "../State"
        } else {
            folder = (root["outputs"] as? [String: Any])?["folder"] as? String
        }
        let summary = (operations?["summary"] as? String).map(resolve) ?? folder.map { resolve($0).appendingPathComponent("last-run.json") }
        let log = (operations?["log"] as? String).map(resolve) ?? folder.map { resolve($0).appendingPathComponent("tilanne-runs.log") }
        guard let summary, let log else { return nil }
        return (summary, log, (operations?["metrics"] as? String).map(resolve))
    }
}

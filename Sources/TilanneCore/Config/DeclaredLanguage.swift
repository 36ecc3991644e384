import Foundation
import Yams

/// The language a configuration asks for, read on its own so that even a configuration that
/// cannot be loaded is refused in its operator's language: `language:`, else the first of
/// `languages:`, else Finnish (Tilanne's default).
public enum DeclaredLanguage {
    public static func of(configAt path: String) -> ReportLanguage {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let top = (try? Yams.load(yaml: text)) as? [String: Any] else { return .fi }
        if let language = (top["language"] as? String).flatMap(ReportLanguage.init(rawValue:)) { return language }
        if let list = top["languages"] as? [Any], let first = (list.first as? String).flatMap(ReportLanguage.init(rawValue:)) { return first }
        return .fi
    }
}

/// Escapes text for HTML element content and attribute values. Every text from the sources
/// passes through here: a status text holding `<script>` shows as text, never runs.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            needs = true
            break
        }
        guard needs else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Escaped text with the writer's line breaks kept as `<br>`.
    static func multiline(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.utf8.contains(0x0A) else { return escaped }
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>\n")
    }
}

import Foundation

/// The reports were published, and a step after publishing failed. Its own exit code (9) says
/// exactly that, so that nobody reads "not written" while the new reports are already out.
public struct PublishedThenFailed: Error, CustomStringConvertible {
    public enum Step: String, Sendable {
        /// Writing the steering groups' files.
        case groups
        /// Recording the run in the history database.
        case history
        /// `tilanne publish`: archiving the council edition or recording the publication.
        case archive
    }

    public var step: Step
    public var published: [URL]
    public var underlying: any Error

    public init(step: Step, published: [URL], underlying: any Error) {
        self.step = step
        self.published = published
        self.underlying = underlying
    }

    public var description: String {
        let what = switch step {
        case .groups: "writing the steering groups' files failed"
        case .history: "recording the run in the history failed (the next run compares and records again)"
        case .archive: "archiving them as the period's publication failed (run tilanne publish again)"
        }
        return "the reports were published (\(published.count) files), then \(what): \(underlying)"
    }
}

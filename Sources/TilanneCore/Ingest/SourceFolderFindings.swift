import Foundation

/// What the source folders say beside the tables themselves: a later period's file, a file
/// nothing reads, a table older than allowed. None of these changes what the sources hold, so
/// a run that finds one never skips as "unchanged": it is said every night until it is dealt with.
public enum SourceFolderFindings {
    public static func of(_ config: TilanneConfig, now: Date) -> [Diagnostic] {
        LaterPeriodFiles.findings(in: config) + UnreadFiles.findings(in: config) + StaleInputs.findings(in: config, now: now)
    }
}

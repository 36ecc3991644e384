/// The name a group's file is attached under: the report's file name with the group's folder
/// added (`kasvava-kuopio-tilanne-1-2024-hyvinvointi.xlsx`), so that files saved from several
/// groups' mails into one folder neither overwrite one another nor leave the reader guessing
/// whose they are. The files on disk keep their names; they are told apart by their folder.
enum AttachmentName {
    static func forGroup(fileName: String, folder: String) -> String {
        let slug = ConfigLoader.slug(folder)
        guard !slug.isEmpty else { return fileName }
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return "\(fileName)-\(slug)" }
        return "\(fileName[..<dot])-\(slug)\(fileName[dot...])"
    }
}

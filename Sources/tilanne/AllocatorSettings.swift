#if canImport(Glibc)
import CMalloc
#endif

/// The allocator setting the whole process runs with (docs/decisions/0007-large-blocks-mapped.md).
///
/// glibc serves a block of at least its "mmap threshold" from pages of its own and gives them
/// back when the block is freed; a smaller block comes from the heap, whose free space stays with
/// the process. The threshold starts at 128 KiB but rises to the size of any mapped block of up
/// to 32 MiB that is freed (an array's old buffer after it grew), so soon a stage's chunk of rows
/// (1–2 MB) or an item's list of report rows (17 MB at 1,000,000 actions) comes from the heap.
/// The heap's free space by then is the input's freed cell texts, scattered between the live
/// ones: too broken up to hold such a block, so the heap grows instead, and never shrinks. A
/// fixed threshold keeps every large block in pages of its own, returned when it is freed.
enum AllocatorSettings {
    static let mappedFrom: Int32 = 1 << 20

    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mappedFrom)
        #endif
    }
}

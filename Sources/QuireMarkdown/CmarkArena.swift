import CCmarkGFM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A bump allocator for one cmark-gfm parse, on the thread that parses.
///
/// cmark allocates every node, every text buffer and the parser itself through the
/// `cmark_mem` it is given, in small pieces, and frees them again one by one: with the
/// system allocator that was about a tenth of a load's instructions. Here allocations
/// come from 64 KB blocks, a free only gives back the most recent allocation, and the
/// whole tree and parser go at once when the parse is done, without walking them.
///
/// `cmark_mem` carries no context pointer, so the functions find the arena of the parse
/// in progress through a thread-specific key: a parse must stay on its thread, and the
/// tree must not be used after `withArena` returns.
enum CmarkArena {
  /// The bytes of an ordinary block; a larger allocation gets a block of its own size.
  static let blockSize = 64 << 10
  /// Each allocation starts with a header holding its size (for `realloc`), and is
  /// aligned as `malloc` aligns.
  private static let headerSize = 16
  private static let alignment = 16

  /// Where the arena of the current parse stands.
  struct State {
    /// The next free byte of the current block, and its end.
    var cursor: UnsafeMutableRawPointer? = nil
    var end: UnsafeMutableRawPointer? = nil
    /// The header of the latest allocation, which a `realloc` may grow in place and a
    /// `free` may hand back.
    var last: UnsafeMutableRawPointer? = nil
    /// The blocks, newest first; each begins with a pointer to the one before.
    var blocks: UnsafeMutableRawPointer? = nil
  }

  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key, nil)
    precondition(status == 0, "no thread-specific key for cmark's arena")
    return key
  }()

  /// The allocator cmark is handed: it lives as long as the program.
  nonisolated(unsafe) private static let memory: UnsafeMutablePointer<cmark_mem> = {
    let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    memory.initialize(
      to: cmark_mem(
        calloc: { count, size in
          let (bytes, overflow) = Int(count).multipliedReportingOverflow(by: Int(size))
          guard !overflow, let state = CmarkArena.current else { return nil }
          let pointer = CmarkArena.allocate(bytes, in: state)
          memset(pointer, 0, bytes)
          return pointer
        },
        realloc: { pointer, size in
          guard let state = CmarkArena.current else { return nil }
          return CmarkArena.reallocate(pointer, to: Int(size), in: state)
        },
        free: { pointer in
          guard let pointer, let state = CmarkArena.current else { return }
          // Only the latest allocation can be handed back; the rest waits for the end.
          if pointer - CmarkArena.headerSize == state.pointee.last {
            state.pointee.cursor = state.pointee.last
            state.pointee.last = nil
          }
        }))
    return memory
  }()

  private static var current: UnsafeMutablePointer<State>? {
    pthread_getspecific(key)?.assumingMemoryBound(to: State.self)
  }

  /// Runs `body` with an allocator for cmark whose memory is all released when it returns.
  ///
  /// Nothing cmark made with it (parser, nodes, literals) may be used after that.
  static func withArena<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) -> Result) -> Result {
    var state = State()
    return withUnsafeMutablePointer(to: &state) { state in
      let outer = pthread_getspecific(key)
      pthread_setspecific(key, state)
      defer {
        pthread_setspecific(key, outer)
        var block = state.pointee.blocks
        while let current = block {
          block = current.load(as: UnsafeMutableRawPointer?.self)
          free(current)
        }
      }
      return body(memory)
    }
  }

  private static func rounded(_ size: Int) -> Int {
    (size + alignment - 1) & ~(alignment - 1)
  }

  /// `size` bytes, not cleared.
  private static func allocate(_ size: Int, in state: UnsafeMutablePointer<State>) -> UnsafeMutableRawPointer {
    let needed = headerSize + rounded(max(size, 1))
    if state.pointee.cursor == nil || needed > state.pointee.end! - state.pointee.cursor! {
      addBlock(holding: needed, to: state)
    }
    let header = state.pointee.cursor!
    header.storeBytes(of: size, as: Int.self)
    state.pointee.cursor = header + needed
    state.pointee.last = header
    return header + headerSize
  }

  /// Starts a new block with room for at least `bytes`.
  private static func addBlock(holding bytes: Int, to state: UnsafeMutablePointer<State>) {
    let capacity = max(blockSize, bytes + headerSize)
    guard let block = malloc(capacity) else { fatalError("out of memory parsing Markdown") }
    block.storeBytes(of: state.pointee.blocks, as: UnsafeMutableRawPointer?.self)
    state.pointee.blocks = block
    // The link to the previous block takes the first `headerSize` bytes, keeping alignment.
    state.pointee.cursor = block + headerSize
    state.pointee.end = block + capacity
    state.pointee.last = nil
  }

  private static func reallocate(
    _ pointer: UnsafeMutableRawPointer?, to size: Int, in state: UnsafeMutablePointer<State>
  ) -> UnsafeMutableRawPointer {
    guard let pointer else { return allocate(size, in: state) }
    let header = pointer - headerSize
    let old = header.load(as: Int.self)
    // The latest allocation grows (or shrinks) where it is when its block has room.
    if header == state.pointee.last, let end = state.pointee.end,
      rounded(max(size, 1)) <= end - pointer
    {
      header.storeBytes(of: size, as: Int.self)
      state.pointee.cursor = pointer + rounded(max(size, 1))
      return pointer
    }
    let moved = allocate(size, in: state)
    memcpy(moved, pointer, min(old, size))
    return moved
  }
}

import QuireCore

extension NoteCatalog {
  /// Whether this catalog, made for `old`, serves `new` as well: the same notes in the
  /// same order, each with the same path, title, type, date and aliases — all the
  /// catalog orders and matches. True after most edits (the text changed, not the name),
  /// when making it again would cost a tenth of a second or more at 100,000 notes.
  ///
  /// Notes that are unchanged copies (`Note.isUnchangedCopy(of:)`), most of them after an
  /// edit, are passed over with a pointer comparison. All the catalog reads of the notes
  /// it was made from (its Ctrl-P names may be made from them later) are these names,
  /// which the new notes share.
  public func serves(_ new: Vault, madeFor old: Vault) -> Bool {
    guard new.notes.count == old.notes.count else { return false }
    return zip(old.notes, new.notes).allSatisfy { before, after in
      after.isUnchangedCopy(of: before)
        || (before.id == after.id && before.title == after.title && before.type == after.type
          && before.date == after.date && before.aliases == after.aliases)
    }
  }
}

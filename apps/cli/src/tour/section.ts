/** One section of `gradlab tour`: a chapter of the course notes, told through the public APIs. */
export interface TourSection {
  /** Short id used by `gradlab tour --section <id>`. */
  id: string;
  /** Title printed as the section heading. */
  title: string;
  /** Which chapter of the notes it follows. */
  chapter: string;
  /** Writes the section's text and computed results, line by line. */
  run(print: (line?: string) => void): void;
}

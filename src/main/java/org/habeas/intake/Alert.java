package org.habeas.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A hotline alert: one detention event, with one or more detained people. The sizes keep what a person
 * types on a phone and what a case can hold; the process checks the rest (jurisdiction, times).
 */
public record Alert(@NotBlank @Size(max = 8) String jurisdiction,
                    @Size(max = 200) String reportedBy,
                    @Size(max = 200) String location,
                    @Size(max = 500) String placeOfDetention,
                    @NotBlank @Size(max = 40) String apprehendedAt,
                    @Size(max = 16) String proceeding,
                    @Size(max = 500) String suspectedOffence,
                    @Size(max = 4000) String summary,
                    @NotEmpty @Size(max = 50) List<@Valid Detainee> detainees) {

  /** A detained person; all of this is personal data. */
  public record Detainee(@NotBlank @Size(max = 200) String name,
                         @Size(max = 200) String organisation,
                         Boolean disability,
                         @Size(max = 4000) String healthNeeds,
                         @Size(max = 4000) String safetyConcern) {
  }
}

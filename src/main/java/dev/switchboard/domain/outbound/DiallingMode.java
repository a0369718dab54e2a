package dev.switchboard.domain.outbound;

/**
 * How a campaign places its calls.
 *
 * <ul>
 *   <li>{@code PREVIEW}: the agent sees the record first and dials it; the dialler never dials on its own;</li>
 *   <li>{@code PROGRESSIVE}: one line per ready agent (1:1), so an answered call always has an agent;</li>
 *   <li>{@code PREDICTIVE}: more lines than ready agents when the measured answer rate and the abandon
 *       rate leave room ({@link PredictivePacer}).</li>
 * </ul>
 */
public enum DiallingMode { PREVIEW, PROGRESSIVE, PREDICTIVE }

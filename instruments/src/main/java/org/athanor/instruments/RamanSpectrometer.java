package org.athanor.instruments;

import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.formats.RamanSpectrum;

/** A Raman spectrometer. */
public interface RamanSpectrometer extends Instrument {

    /** Measures the approved {@code raman} step; metadata holds {@code sample}, {@code commandId}, {@code laserWavelengthNm}. */
    CompletableFuture<RamanSpectrum> measure(ApprovedStep step);
}

/** Signal processing shared by XRD and Raman analysis: backgrounds (SNIP, ALS), smoothing, peak search and fitting. */
package org.athanor.instruments.analysis.signal;

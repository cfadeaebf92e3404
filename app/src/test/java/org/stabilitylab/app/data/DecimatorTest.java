package org.stabilitylab.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decimation keeps spikes and order, and draws at most two points per bucket. */
class DecimatorTest {
    @Test
    void shortSeriesPassThrough() {
        Series s = new Series();
        for (int i = 0; i < 10; i++) {
            s.add(i, i * i);
        }
        List<double[]> out = new ArrayList<>();
        Decimator.decimate(s, 100, (x, y) -> out.add(new double[] {x, y}));
        assertEquals(10, out.size());
    }

    @Test
    void longSeriesKeepTheirSpikeAndStaySorted() {
        Series s = new Series();
        for (int i = 0; i < 10_000; i++) {
            s.add(i, i == 4321 ? 1e6 : Math.sin(i / 100.0));
        }
        List<double[]> out = new ArrayList<>();
        Decimator.decimate(s, 500, (x, y) -> out.add(new double[] {x, y}));
        assertTrue(out.size() <= 1000, "at most two per bucket: " + out.size());
        assertTrue(out.stream().anyMatch(p -> p[1] == 1e6), "the spike survives");
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i)[0] > out.get(i - 1)[0], "x increasing");
        }
    }

    @Test
    void nonFiniteValuesAreNotStored() {
        Series s = new Series();
        s.add(1, Double.NaN);
        s.add(2, 1.0);
        assertEquals(1, s.size());
        assertEquals(1.0, s.yAt(5));
        assertTrue(Double.isNaN(s.yAt(0)));
    }

    @Test
    void emaStartsAtTheFirstValueAndFollowsTheTrend() {
        Series s = new Series();
        for (int i = 0; i < 50; i++) {
            s.add(i, 10 - i * 0.1);
        }
        Series sm = Ema.smooth(s, 0.9);
        assertEquals(10.0, sm.y(0), 1e-12, "debiased: no pull toward zero");
        assertTrue(sm.y(49) > s.y(49), "lags behind a falling curve");
        assertTrue(sm.y(49) < sm.y(10));
    }
}

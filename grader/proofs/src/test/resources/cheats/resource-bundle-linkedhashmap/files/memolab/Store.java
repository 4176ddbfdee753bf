package memolab;

import java.util.LinkedHashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.function.Supplier;

/** A helper: hands out maps. */
public class Store extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        Supplier<Map<Object, Object>> maps = () -> new LinkedHashMap<>(16, 0.75f, true);
        return new Object[][] {{"maps", maps}};
    }
}

/** Thrown where the fast reader is not sure that it reads the text as the yaml library does. */
const DECLINED = Object.freeze({ declined: true });

export function decline(): never {
  throw DECLINED;
}

/** What `read` gives, or undefined when it declined. */
export function unlessDeclined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}

import type { z } from 'zod';

/** One line per problem, naming the field: `claude.args: expected array, received string`. */
export function formatZodIssues(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
  if (error.issues.length > max) lines.push(`…and ${error.issues.length - max} more`);
  return lines.join('; ');
}

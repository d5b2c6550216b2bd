export interface paths {
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the users the caller may see */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    username?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                username?: string;
                                email?: string;
                                is_staff?: boolean;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user (staff only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        /** Format: email */
                        email: string;
                        is_staff?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            username?: string;
                            email?: string;
                            is_staff?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            username?: string;
                            email?: string;
                            is_staff?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            username?: string;
                            email?: string;
                            is_staff?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        is_staff?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            username?: string;
                            email?: string;
                            is_staff?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's tokens (never their values) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                name?: string;
                                /** Format: date-time */
                                created_at?: string;
                                expires_at?: string | null;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Issue an API token (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** Format: date-time */
                        expires_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** Format: date-time */
                            created_at?: string;
                            expires_at?: string | null;
                            /** @description Shown only in this response. */
                            token?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    token_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organizations the caller belongs to */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    name?: string;
                    slug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                name?: string;
                                /** @description Unique; its namespace in the Terraform registry */
                                slug?: string;
                                description?: string;
                                /** @description Whether the server runs the Terraform modules of this organization's namespace for `terraform` offerings: a module is code (provisioners, external data sources, providers) that runs with the server's privileges, so staff alone sets it. Default false. */
                                terraform_runs_allowed?: boolean;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an organization; a non-staff creator becomes its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description Unique; derived from the name when not given. Its modules and providers are at `<registry host>/<slug>/...` */
                        slug?: string;
                        description?: string;
                        /** @description Whether the server runs the Terraform modules of this organization's namespace for `terraform` offerings: a module is code (provisioners, external data sources, providers) that runs with the server's privileges, so staff alone sets it. Default false. */
                        terraform_runs_allowed?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @description Unique; its namespace in the Terraform registry */
                            slug?: string;
                            description?: string;
                            /** @description Whether the server runs the Terraform modules of this organization's namespace for `terraform` offerings: a module is code (provisioners, external data sources, providers) that runs with the server's privileges, so staff alone sets it. Default false. */
                            terraform_runs_allowed?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an organization by id or slug */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @description Unique; its namespace in the Terraform registry */
                            slug?: string;
                            description?: string;
                            /** @description Whether the server runs the Terraform modules of this organization's namespace for `terraform` offerings: a module is code (provisioners, external data sources, providers) that runs with the server's privileges, so staff alone sets it. Default false. */
                            terraform_runs_allowed?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an organization with no projects or offerings (owner) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an organization (owner) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description Unique; derived from the name when not given. Its modules and providers are at `<registry host>/<slug>/...` */
                        slug?: string;
                        description?: string;
                        /** @description Whether the server runs the Terraform modules of this organization's namespace for `terraform` offerings: a module is code (provisioners, external data sources, providers) that runs with the server's privileges, so staff alone sets it. Default false. */
                        terraform_runs_allowed?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @description Unique; its namespace in the Terraform registry */
                            slug?: string;
                            description?: string;
                            /** @description Whether the server runs the Terraform modules of this organization's namespace for `terraform` offerings: a module is code (provisioners, external data sources, providers) that runs with the server's privileges, so staff alone sets it. Default false. */
                            terraform_runs_allowed?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of a organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                user_id?: string;
                                username?: string;
                                role?: string;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Grant a role in a organization (replaces the user's current role there) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user_id: string;
                        /** @enum {string} */
                        role: "owner" | "service-manager";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_id?: string;
                            username?: string;
                            role?: string;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a user's role in a organization */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the projects the caller may see */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    organization_id?: string;
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                organization_id?: string;
                                name?: string;
                                description?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a project in an organization (owner) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organization_id: string;
                        name: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            name?: string;
                            description?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            name?: string;
                            description?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a project with no live resources (owner)
         * @description The project is no longer listed or found and takes no orders. Its terminated resources and its orders are kept as history: readable by id to those who could read them, listed with `include_deleted=true`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a project (manager or owner) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            name?: string;
                            description?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of a project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                user_id?: string;
                                username?: string;
                                role?: string;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Grant a role in a project (replaces the user's current role there) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user_id: string;
                        /** @enum {string} */
                        role: "manager" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_id?: string;
                            username?: string;
                            role?: string;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a user's role in a project */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List categories */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    title?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                title?: string;
                                description?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a category (staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            title?: string;
                            description?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a category */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            title?: string;
                            description?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an unused category (staff) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a category (staff) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            title?: string;
                            description?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/offerings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the catalog: keyword, facets with counts, sorted, cursor-paginated */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description Keywords over name, description and tags (each word a prefix; all must match). */
                    q?: string;
                    category_id?: string;
                    platform?: "aws" | "azure" | "gcp" | "on-premises" | "other";
                    /** @description Offerings that have this version. */
                    version?: string;
                    status?: "draft" | "active" | "paused" | "archived";
                    organization_id?: string;
                    slug?: string;
                    /** @description Comma-separated; all must be present. */
                    tags?: string;
                    sort?: "name" | "newest";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                organization_id?: string;
                                category_id?: string;
                                name?: string;
                                slug?: string;
                                description?: string;
                                type?: string;
                                platform?: string;
                                tags?: string[];
                                /** @description What the catalog shows: `requested_status`, except `draft` while an offering asked to be `active` lacks a category, a plan that is not archived or a version (`status_reason` says which); it turns `active` by itself when they exist. */
                                status?: string;
                                /** @description The status its provider asked for (`status` in POST and PATCH). */
                                requested_status?: string;
                                /** @description Why `status` differs from `requested_status`; empty when they agree. */
                                status_reason?: string;
                                /** @description `public`, or `restricted` to the listed organizations and projects. */
                                visibility?: string;
                                /** @description Of a restricted offering; shown only to its provider's members and staff. */
                                allowed_organization_ids?: string[];
                                /** @description Of a restricted offering; shown only to its provider's members and staff. */
                                allowed_project_ids?: string[];
                                auto_approve?: boolean;
                                /** @description Whether a paused resource's `fixed` and `limit` components are billed as when active; false: paused time is free. */
                                bill_paused?: boolean;
                                plugin_options?: {
                                    [key: string]: unknown;
                                };
                                /** @description Names of the secret options set; their values are write-only. */
                                secret_option_keys?: string[];
                                documentation_url?: string;
                                requirements?: string;
                                components?: {
                                    /** @description Machine name, e.g. `cpu`. */
                                    type?: string;
                                    name?: string;
                                    measured_unit?: string;
                                    /** @enum {string} */
                                    billing_type?: "fixed" | "usage" | "limit" | "one-time";
                                }[];
                                versions?: string[];
                                /** @description Newest available (not beta, not deprecated) version. */
                                latest_version?: string | null;
                                /** @description The status of `latest_version`: `beta` when no version is available but a beta one is (the catalog's beta badge); null without one. */
                                latest_version_status?: string | null;
                                /** @description True when the offering has versions and every one is deprecated: nothing left to order (the catalog's deprecated badge). */
                                all_versions_deprecated?: boolean;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                            /** @description Offerings matching the whole query. */
                            total?: number;
                            facets?: {
                                category?: {
                                    value?: string;
                                    label?: string;
                                    count?: number;
                                }[];
                                platform?: {
                                    value?: string;
                                    label?: string;
                                    count?: number;
                                }[];
                                version?: {
                                    value?: string;
                                    label?: string;
                                    count?: number;
                                }[];
                                status?: {
                                    value?: string;
                                    label?: string;
                                    count?: number;
                                }[];
                                organization?: {
                                    value?: string;
                                    label?: string;
                                    count?: number;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Publish an offering in the provider organization's name (owner or service manager) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category_id: string;
                        name: string;
                        description?: string;
                        /** @enum {string} */
                        platform?: "aws" | "azure" | "gcp" | "on-premises" | "other";
                        tags?: string[];
                        /**
                         * @description The status asked for (read back as `requested_status`). `draft`: seen only by its provider; `active`: in the catalog taking orders, once it has a category, a plan that is not archived and a version (until then `status` reads `draft` and `status_reason` says what is missing; it turns active by itself); `paused`: seen, takes no new orders; `archived`: out of the catalog.
                         * @enum {string}
                         */
                        status?: "draft" | "active" | "paused" | "archived";
                        /**
                         * @description `public` (default): every signed-in user sees it. `restricted`: only its provider, staff, and the organizations and projects listed in `allowed_organization_ids` and `allowed_project_ids` see it, search it and order it. Setting `public` clears both lists.
                         * @enum {string}
                         */
                        visibility?: "public" | "restricted";
                        /** @description Of a restricted offering: organizations whose members (of the organization or of any of its projects) see it and order it into their projects. Replaced whole when given. */
                        allowed_organization_ids?: string[];
                        /** @description Of a restricted offering: projects whose members and whose organization owners see it and order it into them. Replaced whole when given. */
                        allowed_project_ids?: string[];
                        /** @description Skip the provider approval of orders. */
                        auto_approve?: boolean;
                        /** @description Whether a paused resource's `fixed` and `limit` components are billed as when active (default true); false: paused time is free. */
                        bill_paused?: boolean;
                        /** @description Any JSON object nested at most 32 levels deep. */
                        plugin_options?: Record<string, never>;
                        /** @description Write-only: never returned, masked in events. Any JSON object nested at most 32 levels deep. */
                        secret_options?: Record<string, never>;
                        documentation_url?: string;
                        requirements?: string;
                        components?: {
                            /** @description Machine name, e.g. `cpu`. */
                            type: string;
                            name: string;
                            measured_unit?: string;
                            /** @enum {string} */
                            billing_type: "fixed" | "usage" | "limit" | "one-time";
                        }[];
                        organization_id: string;
                        slug?: string;
                        type: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            category_id?: string;
                            name?: string;
                            slug?: string;
                            description?: string;
                            type?: string;
                            platform?: string;
                            tags?: string[];
                            /** @description What the catalog shows: `requested_status`, except `draft` while an offering asked to be `active` lacks a category, a plan that is not archived or a version (`status_reason` says which); it turns `active` by itself when they exist. */
                            status?: string;
                            /** @description The status its provider asked for (`status` in POST and PATCH). */
                            requested_status?: string;
                            /** @description Why `status` differs from `requested_status`; empty when they agree. */
                            status_reason?: string;
                            /** @description `public`, or `restricted` to the listed organizations and projects. */
                            visibility?: string;
                            /** @description Of a restricted offering; shown only to its provider's members and staff. */
                            allowed_organization_ids?: string[];
                            /** @description Of a restricted offering; shown only to its provider's members and staff. */
                            allowed_project_ids?: string[];
                            auto_approve?: boolean;
                            /** @description Whether a paused resource's `fixed` and `limit` components are billed as when active; false: paused time is free. */
                            bill_paused?: boolean;
                            plugin_options?: {
                                [key: string]: unknown;
                            };
                            /** @description Names of the secret options set; their values are write-only. */
                            secret_option_keys?: string[];
                            documentation_url?: string;
                            requirements?: string;
                            components?: {
                                /** @description Machine name, e.g. `cpu`. */
                                type?: string;
                                name?: string;
                                measured_unit?: string;
                                /** @enum {string} */
                                billing_type?: "fixed" | "usage" | "limit" | "one-time";
                            }[];
                            versions?: string[];
                            /** @description Newest available (not beta, not deprecated) version. */
                            latest_version?: string | null;
                            /** @description The status of `latest_version`: `beta` when no version is available but a beta one is (the catalog's beta badge); null without one. */
                            latest_version_status?: string | null;
                            /** @description True when the offering has versions and every one is deprecated: nothing left to order (the catalog's deprecated badge). */
                            all_versions_deprecated?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offerings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an offering by id or slug
         * @description 404 for an offering the caller may not see (a draft of another provider, one restricted to others), unless the caller has a resource of it that is not terminated: consumers keep reading what their resources were made from.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            category_id?: string;
                            name?: string;
                            slug?: string;
                            description?: string;
                            type?: string;
                            platform?: string;
                            tags?: string[];
                            /** @description What the catalog shows: `requested_status`, except `draft` while an offering asked to be `active` lacks a category, a plan that is not archived or a version (`status_reason` says which); it turns `active` by itself when they exist. */
                            status?: string;
                            /** @description The status its provider asked for (`status` in POST and PATCH). */
                            requested_status?: string;
                            /** @description Why `status` differs from `requested_status`; empty when they agree. */
                            status_reason?: string;
                            /** @description `public`, or `restricted` to the listed organizations and projects. */
                            visibility?: string;
                            /** @description Of a restricted offering; shown only to its provider's members and staff. */
                            allowed_organization_ids?: string[];
                            /** @description Of a restricted offering; shown only to its provider's members and staff. */
                            allowed_project_ids?: string[];
                            auto_approve?: boolean;
                            /** @description Whether a paused resource's `fixed` and `limit` components are billed as when active; false: paused time is free. */
                            bill_paused?: boolean;
                            plugin_options?: {
                                [key: string]: unknown;
                            };
                            /** @description Names of the secret options set; their values are write-only. */
                            secret_option_keys?: string[];
                            documentation_url?: string;
                            requirements?: string;
                            components?: {
                                /** @description Machine name, e.g. `cpu`. */
                                type?: string;
                                name?: string;
                                measured_unit?: string;
                                /** @enum {string} */
                                billing_type?: "fixed" | "usage" | "limit" | "one-time";
                            }[];
                            versions?: string[];
                            /** @description Newest available (not beta, not deprecated) version. */
                            latest_version?: string | null;
                            /** @description The status of `latest_version`: `beta` when no version is available but a beta one is (the catalog's beta badge); null without one. */
                            latest_version_status?: string | null;
                            /** @description True when the offering has versions and every one is deprecated: nothing left to order (the catalog's deprecated badge). */
                            all_versions_deprecated?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an offering with no live resources (its provider)
         * @description The offering leaves the catalog (with its plans and versions) and its slug is free again. The terminated resources and the orders placed on it are kept as history: readable by id to those who could read them, listed with `include_deleted=true`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an offering (its provider) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category_id?: string;
                        name?: string;
                        description?: string;
                        /** @enum {string} */
                        platform?: "aws" | "azure" | "gcp" | "on-premises" | "other";
                        tags?: string[];
                        /**
                         * @description The status asked for (read back as `requested_status`). `draft`: seen only by its provider; `active`: in the catalog taking orders, once it has a category, a plan that is not archived and a version (until then `status` reads `draft` and `status_reason` says what is missing; it turns active by itself); `paused`: seen, takes no new orders; `archived`: out of the catalog.
                         * @enum {string}
                         */
                        status?: "draft" | "active" | "paused" | "archived";
                        /**
                         * @description `public` (default): every signed-in user sees it. `restricted`: only its provider, staff, and the organizations and projects listed in `allowed_organization_ids` and `allowed_project_ids` see it, search it and order it. Setting `public` clears both lists.
                         * @enum {string}
                         */
                        visibility?: "public" | "restricted";
                        /** @description Of a restricted offering: organizations whose members (of the organization or of any of its projects) see it and order it into their projects. Replaced whole when given. */
                        allowed_organization_ids?: string[];
                        /** @description Of a restricted offering: projects whose members and whose organization owners see it and order it into them. Replaced whole when given. */
                        allowed_project_ids?: string[];
                        /** @description Skip the provider approval of orders. */
                        auto_approve?: boolean;
                        /** @description Whether a paused resource's `fixed` and `limit` components are billed as when active (default true); false: paused time is free. */
                        bill_paused?: boolean;
                        /** @description Any JSON object nested at most 32 levels deep. */
                        plugin_options?: Record<string, never>;
                        /** @description Write-only: never returned, masked in events. Any JSON object nested at most 32 levels deep. */
                        secret_options?: Record<string, never>;
                        documentation_url?: string;
                        requirements?: string;
                        components?: {
                            /** @description Machine name, e.g. `cpu`. */
                            type: string;
                            name: string;
                            measured_unit?: string;
                            /** @enum {string} */
                            billing_type: "fixed" | "usage" | "limit" | "one-time";
                        }[];
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            category_id?: string;
                            name?: string;
                            slug?: string;
                            description?: string;
                            type?: string;
                            platform?: string;
                            tags?: string[];
                            /** @description What the catalog shows: `requested_status`, except `draft` while an offering asked to be `active` lacks a category, a plan that is not archived or a version (`status_reason` says which); it turns `active` by itself when they exist. */
                            status?: string;
                            /** @description The status its provider asked for (`status` in POST and PATCH). */
                            requested_status?: string;
                            /** @description Why `status` differs from `requested_status`; empty when they agree. */
                            status_reason?: string;
                            /** @description `public`, or `restricted` to the listed organizations and projects. */
                            visibility?: string;
                            /** @description Of a restricted offering; shown only to its provider's members and staff. */
                            allowed_organization_ids?: string[];
                            /** @description Of a restricted offering; shown only to its provider's members and staff. */
                            allowed_project_ids?: string[];
                            auto_approve?: boolean;
                            /** @description Whether a paused resource's `fixed` and `limit` components are billed as when active; false: paused time is free. */
                            bill_paused?: boolean;
                            plugin_options?: {
                                [key: string]: unknown;
                            };
                            /** @description Names of the secret options set; their values are write-only. */
                            secret_option_keys?: string[];
                            documentation_url?: string;
                            requirements?: string;
                            components?: {
                                /** @description Machine name, e.g. `cpu`. */
                                type?: string;
                                name?: string;
                                measured_unit?: string;
                                /** @enum {string} */
                                billing_type?: "fixed" | "usage" | "limit" | "one-time";
                            }[];
                            versions?: string[];
                            /** @description Newest available (not beta, not deprecated) version. */
                            latest_version?: string | null;
                            /** @description The status of `latest_version`: `beta` when no version is available but a beta one is (the catalog's beta badge); null without one. */
                            latest_version_status?: string | null;
                            /** @description True when the offering has versions and every one is deprecated: nothing left to order (the catalog's deprecated badge). */
                            all_versions_deprecated?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/offering-versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List offering versions */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    offering_id?: string;
                    version?: string;
                    status?: "available" | "beta" | "deprecated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                offering_id?: string;
                                version?: string;
                                options_schema?: {
                                    [key: string]: unknown;
                                };
                                /** @description The properties of `attributes` the schema makes secret (`writeOnly: true` or `format: password`), by path: orders accept them, answers never show them. */
                                secret_attribute_paths?: string[];
                                changelog?: string;
                                status?: string;
                                deprecation_message?: string;
                                replacement_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a version to an offering (its provider) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description JSON Schema (draft-07) of the configuration (`attributes`) of resources of this version; property names in snake_case. It stands alone (no `$id`, anchors, or `$ref` outside itself); patterns run on RE2. A `terraform` offering's is generated from the inputs of its module's version of the same number, and may not be written. Any JSON object nested at most 32 levels deep. */
                        options_schema?: Record<string, never>;
                        changelog?: string;
                        /** @enum {string} */
                        status?: "available" | "beta" | "deprecated";
                        deprecation_message?: string;
                        /** @description The version recommended instead of a deprecated one. */
                        replacement_version?: string;
                        offering_id: string;
                        version: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            offering_id?: string;
                            version?: string;
                            options_schema?: {
                                [key: string]: unknown;
                            };
                            /** @description The properties of `attributes` the schema makes secret (`writeOnly: true` or `format: password`), by path: orders accept them, answers never show them. */
                            secret_attribute_paths?: string[];
                            changelog?: string;
                            status?: string;
                            deprecation_message?: string;
                            replacement_version?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offering-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an offering version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            offering_id?: string;
                            version?: string;
                            options_schema?: {
                                [key: string]: unknown;
                            };
                            /** @description The properties of `attributes` the schema makes secret (`writeOnly: true` or `format: password`), by path: orders accept them, answers never show them. */
                            secret_attribute_paths?: string[];
                            changelog?: string;
                            status?: string;
                            deprecation_message?: string;
                            replacement_version?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a version no live resource uses (its provider) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a version: schema, changelog, status, deprecation (its provider) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description JSON Schema (draft-07) of the configuration (`attributes`) of resources of this version; property names in snake_case. It stands alone (no `$id`, anchors, or `$ref` outside itself); patterns run on RE2. A `terraform` offering's is generated from the inputs of its module's version of the same number, and may not be written. Any JSON object nested at most 32 levels deep. */
                        options_schema?: Record<string, never>;
                        changelog?: string;
                        /** @enum {string} */
                        status?: "available" | "beta" | "deprecated";
                        deprecation_message?: string;
                        /** @description The version recommended instead of a deprecated one. */
                        replacement_version?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            offering_id?: string;
                            version?: string;
                            options_schema?: {
                                [key: string]: unknown;
                            };
                            /** @description The properties of `attributes` the schema makes secret (`writeOnly: true` or `format: password`), by path: orders accept them, answers never show them. */
                            secret_attribute_paths?: string[];
                            changelog?: string;
                            status?: string;
                            deprecation_message?: string;
                            replacement_version?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List plans */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    offering_id?: string;
                    name?: string;
                    archived?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                offering_id?: string;
                                name?: string;
                                description?: string;
                                unit?: string;
                                /** @description Price per unit of each component, by component type, in `currency`, as decimal strings. */
                                prices?: {
                                    [key: string]: string;
                                };
                                /** @description ISO 4217 code of the prices' currency. */
                                currency?: string;
                                /** @description Per limit-billed component of the offering (by type), the range an order may choose: `minimum` (0 when left out), `maximum` (none when left out), `default` (taken by an order that leaves the limit out; the minimum when left out). */
                                limits?: {
                                    [key: string]: {
                                        minimum?: number;
                                        maximum?: number;
                                        default?: number;
                                    };
                                };
                                archived?: boolean;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a plan to an offering (its provider) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        /** @enum {string} */
                        unit?: "month" | "day" | "hour" | "one-time";
                        /** @description Price per unit of each component, by component type, in `currency`: JSON numbers or decimal strings (`"0.015"`), kept exactly. */
                        prices?: {
                            [key: string]: number | string;
                        };
                        /** @description ISO 4217 code of the prices' currency, e.g. `EUR`, `USD`, `JPY` (default `EUR`). */
                        currency?: string;
                        /** @description Per limit-billed component of the offering (by type), the range an order may choose: `minimum` (0 when left out), `maximum` (none when left out), `default` (taken by an order that leaves the limit out; the minimum when left out). */
                        limits?: {
                            [key: string]: {
                                minimum?: number;
                                maximum?: number;
                                default?: number;
                            };
                        };
                        /** @description An archived plan takes no new orders. An offering is active only with a plan that is not archived: archiving the last one takes it back to `draft`. */
                        archived?: boolean;
                        offering_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            offering_id?: string;
                            name?: string;
                            description?: string;
                            unit?: string;
                            /** @description Price per unit of each component, by component type, in `currency`, as decimal strings. */
                            prices?: {
                                [key: string]: string;
                            };
                            /** @description ISO 4217 code of the prices' currency. */
                            currency?: string;
                            /** @description Per limit-billed component of the offering (by type), the range an order may choose: `minimum` (0 when left out), `maximum` (none when left out), `default` (taken by an order that leaves the limit out; the minimum when left out). */
                            limits?: {
                                [key: string]: {
                                    minimum?: number;
                                    maximum?: number;
                                    default?: number;
                                };
                            };
                            archived?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a plan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            offering_id?: string;
                            name?: string;
                            description?: string;
                            unit?: string;
                            /** @description Price per unit of each component, by component type, in `currency`, as decimal strings. */
                            prices?: {
                                [key: string]: string;
                            };
                            /** @description ISO 4217 code of the prices' currency. */
                            currency?: string;
                            /** @description Per limit-billed component of the offering (by type), the range an order may choose: `minimum` (0 when left out), `maximum` (none when left out), `default` (taken by an order that leaves the limit out; the minimum when left out). */
                            limits?: {
                                [key: string]: {
                                    minimum?: number;
                                    maximum?: number;
                                    default?: number;
                                };
                            };
                            archived?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a plan no live resource uses (its provider)
         * @description The plan leaves the catalog and cannot be ordered; it is kept, hidden, for the invoices that bill it. Deleting (or archiving) the last plan of an active offering takes it back to `draft` until a plan is added: see `status_reason` of the offering.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a plan (its provider) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        /** @enum {string} */
                        unit?: "month" | "day" | "hour" | "one-time";
                        /** @description Price per unit of each component, by component type, in `currency`: JSON numbers or decimal strings (`"0.015"`), kept exactly. */
                        prices?: {
                            [key: string]: number | string;
                        };
                        /** @description ISO 4217 code of the prices' currency, e.g. `EUR`, `USD`, `JPY` (default `EUR`). */
                        currency?: string;
                        /** @description Per limit-billed component of the offering (by type), the range an order may choose: `minimum` (0 when left out), `maximum` (none when left out), `default` (taken by an order that leaves the limit out; the minimum when left out). */
                        limits?: {
                            [key: string]: {
                                minimum?: number;
                                maximum?: number;
                                default?: number;
                            };
                        };
                        /** @description An archived plan takes no new orders. An offering is active only with a plan that is not archived: archiving the last one takes it back to `draft`. */
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            offering_id?: string;
                            name?: string;
                            description?: string;
                            unit?: string;
                            /** @description Price per unit of each component, by component type, in `currency`, as decimal strings. */
                            prices?: {
                                [key: string]: string;
                            };
                            /** @description ISO 4217 code of the prices' currency. */
                            currency?: string;
                            /** @description Per limit-billed component of the offering (by type), the range an order may choose: `minimum` (0 when left out), `maximum` (none when left out), `default` (taken by an order that leaves the limit out; the minimum when left out). */
                            limits?: {
                                [key: string]: {
                                    minimum?: number;
                                    maximum?: number;
                                    default?: number;
                                };
                            };
                            archived?: boolean;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orders/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The log of an order's runs (its plan preview and provisioning attempts), in the order written
         * @description What the offering's plugin wrote while planning and provisioning the order (e.g. Terraform's output), secrets masked; an order's log holds at most a fixed number of bytes, and says so where it was cut. For the project's managers, its organization's owners and the offering's provider.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description Only this run. */
                    attempt?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                order_id?: string;
                                /** @description The run: 0 for the plan previewed before approval, then the order's provisioning attempts from 1. */
                                attempt?: number;
                                /** @description What the run was doing, as its plugin names it (`init`, `plan`, `apply`...). */
                                step?: string;
                                /** @description Output of the run, secrets masked. */
                                text?: string;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the orders the caller may see (its projects, or its offerings as provider) */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    project_id?: string;
                    offering_id?: string;
                    resource_id?: string;
                    state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                    type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                    /** @description `provider`: only the executing orders handed to their provider to complete or fail (`POST /orders/{id}/complete`, `/fail`), of offerings the caller provides as an owner or service manager (staff: of every offering). What a site agent that polls asks for, with `offering_id`. */
                    awaiting?: "provider";
                    /** @description Also list those of deleted projects and offerings (kept as history). */
                    include_deleted?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                /** @enum {string} */
                                type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                                /** @enum {string} */
                                state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                                project_id?: string;
                                offering_id?: string;
                                resource_id?: string;
                                plan_id?: string;
                                version?: string;
                                /** @description The configuration the order leads to, without its secret properties. */
                                attributes?: {
                                    [key: string]: unknown;
                                };
                                /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                                secret_attribute_paths?: string[];
                                limits?: {
                                    [key: string]: number;
                                };
                                /** @description What an update order changes. */
                                changes?: string[];
                                /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                                cost_estimate?: {
                                    /** @description ISO 4217 code: the plan's currency. */
                                    currency: string;
                                    /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                    monthly_total: string;
                                    /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                    one_time_total: string;
                                    components: {
                                        type?: string;
                                        name?: string;
                                        /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                        billing_type?: string;
                                        measured_unit?: string;
                                        /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                        quantity?: string;
                                        /** @description The plan's price of the component, a decimal string. */
                                        unit_price?: string;
                                        /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                        amount?: string;
                                        /** @description `monthly` or `one-time`: which total has the amount. */
                                        charged?: string;
                                        /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                        note?: string;
                                    }[];
                                } | null;
                                created_by?: string;
                                consumer_approved_by?: string | null;
                                provider_approved_by?: string | null;
                                /** @description Who must act next, in words. */
                                awaiting?: string | null;
                                /** @description Why the order was rejected, canceled or erred. */
                                reason?: string;
                                attempts?: number;
                                /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                                plan?: {
                                    /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                    state?: string;
                                    /** @description What the order would change; null unless `planned`. */
                                    summary?: {
                                        /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                        add?: number;
                                        /** @description Resource instances to update in place. */
                                        change?: number;
                                        /** @description Resource instances to destroy. */
                                        destroy?: number;
                                        /** @description Each resource instance the plan touches, by address, with its actions. */
                                        resource_changes?: {
                                            address?: string;
                                            /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                            actions?: string[];
                                        }[];
                                        /** @description Outputs whose value would change. */
                                        output_changes?: string[];
                                    } | null;
                                    /** @description Why the plan failed; empty unless `failed`. */
                                    error?: string;
                                    /** @description When the plan was ready or failed. */
                                    planned_at?: string | null;
                                } | null;
                                /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                                applied_plan?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                                completed_at?: string | null;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Place an order: create, update, pause, resume, restart or terminate a resource
         * @description An `Idempotency-Key` header makes a retried request (also one sent while the first is under way) return the order the first one placed, with 200; the key used with another body is refused with 422.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                        /** @description create: the project to order into. */
                        project_id?: string;
                        /** @description create: offering id or slug. */
                        offering_id?: string;
                        /** @description every type but create: the resource. */
                        resource_id?: string;
                        plan_id?: string;
                        /** @description create: defaults to the latest available; update: upgrades. */
                        version?: string;
                        name?: string;
                        /** @description Configuration, validated against the version's options schema. Properties it marks `writeOnly: true` or `format: password` are secrets: given to provisioning, never returned (see `secret_attribute_paths`); an update that leaves one out keeps its stored value. Any JSON object nested at most 32 levels deep. */
                        attributes?: Record<string, never>;
                        /** @description Per limit-billed component. */
                        limits?: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order
         * @description With `wait_seconds`, answers as soon as the order is in a final state, or after that many seconds: a long poll, so clients waiting for an order neither sleep too long nor ask too often.
         */
        get: {
            parameters: {
                query?: {
                    wait_seconds?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending order (consumer side first, then provider side) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending order, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending order (its orderer or a consumer approver), with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/provisioning-event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order handed to its provider, as the provider's site agent carries it out (the provider)
         * @description The `order.executing` event the `webhook` plugin POSTs to a site agent, for an agent that polls instead (`GET /orders?awaiting=provider`): the order, its resource and offering, attributes whole, secret ones included. Only for an owner or service manager of the offering's organization, and only while the order waits for the provider (409 otherwise).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An order for the provider's site agent to carry out: what the `webhook` plugin POSTs to the agent's URL, signed. Attributes are whole, secret ones included. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The event's id: `webhook-id` when it is POSTed. */
                            id: string;
                            /** @description Always `order.executing`. */
                            type: string;
                            /** Format: date-time */
                            created_at: string;
                            order: {
                                id: string;
                                /** @description create, update, terminate, pause, resume or restart. */
                                type: string;
                                /** @description What the resource is to be after the order, secret properties included. */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                limits: {
                                    [key: string]: number;
                                };
                                plan_id: string;
                                version: string;
                                /** @description Runs of this order, this one included. */
                                attempts: number;
                            };
                            resource: {
                                id: string;
                                name: string;
                                /** @description The backend's id of the resource; '' before its create order is done. */
                                backend_id: string;
                                /** @description What the resource is now, secret properties included. */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                limits: {
                                    [key: string]: number;
                                };
                                outputs: {
                                    [key: string]: unknown;
                                };
                                /** @description The `state` the agent last reported. */
                                backend_state: {
                                    [key: string]: unknown;
                                };
                                state: string;
                            };
                            offering: {
                                id: string;
                                slug: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report an order handed to the provider (its staff or site agent) as done */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description create orders: the resource's ID in the backend. Update and terminate orders keep the one the create order set. */
                        backend_id?: string;
                        /** @description Any JSON object nested at most 32 levels deep. */
                        outputs?: Record<string, never>;
                        /** @description Credentials and the like: shown only on a single-resource read to its consumers. Any JSON object nested at most 32 levels deep. */
                        secret_outputs?: Record<string, never>;
                        /** @description The backend's own record of the resource (a site agent's state), kept as the resource's `backend_state` and given back in later order events. Any JSON object nested at most 32 levels deep. */
                        state?: Record<string, never>;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report an order handed to the provider (its staff or site agent) as failed, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run an erred order again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            type?: "create" | "update" | "terminate" | "pause" | "resume" | "restart";
                            /** @enum {string} */
                            state?: "pending-consumer" | "pending-provider" | "executing" | "done" | "erred" | "canceled" | "rejected";
                            project_id?: string;
                            offering_id?: string;
                            resource_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration the order leads to, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @description What an update order changes. */
                            changes?: string[];
                            /** @description What the resource costs each month with the plan and limits the order leads to, estimated when the order was placed (create and update orders; null for others and for orders from before estimates). See `POST /api/v1/cost-estimates`. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                            created_by?: string;
                            consumer_approved_by?: string | null;
                            provider_approved_by?: string | null;
                            /** @description Who must act next, in words. */
                            awaiting?: string | null;
                            /** @description Why the order was rejected, canceled or erred. */
                            reason?: string;
                            attempts?: number;
                            /** @description The plan previewed while the order waits for approval, for offerings whose plugin plans (e.g. `terraform`); null: none. `planning` until it is ready (approving does not wait for it), `stopped` when the order left approval first. */
                            plan?: {
                                /** @description One of `planning`, `planned`, `failed`, `stopped`. */
                                state?: string;
                                /** @description What the order would change; null unless `planned`. */
                                summary?: {
                                    /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                    add?: number;
                                    /** @description Resource instances to update in place. */
                                    change?: number;
                                    /** @description Resource instances to destroy. */
                                    destroy?: number;
                                    /** @description Each resource instance the plan touches, by address, with its actions. */
                                    resource_changes?: {
                                        address?: string;
                                        /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                        actions?: string[];
                                    }[];
                                    /** @description Outputs whose value would change. */
                                    output_changes?: string[];
                                } | null;
                                /** @description Why the plan failed; empty unless `failed`. */
                                error?: string;
                                /** @description When the plan was ready or failed. */
                                planned_at?: string | null;
                            } | null;
                            /** @description The plan its last run carried out, as its plugin reported it; null: none reported. */
                            applied_plan?: {
                                /** @description Resource instances to create (a replacement counts here and in `destroy`). */
                                add?: number;
                                /** @description Resource instances to update in place. */
                                change?: number;
                                /** @description Resource instances to destroy. */
                                destroy?: number;
                                /** @description Each resource instance the plan touches, by address, with its actions. */
                                resource_changes?: {
                                    address?: string;
                                    /** @description Terraform's actions: `create`, `update`, `delete`, `["delete","create"]` for a replacement, `read`. */
                                    actions?: string[];
                                }[];
                                /** @description Outputs whose value would change. */
                                output_changes?: string[];
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            completed_at?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the quotas the caller may see, with their usage
         * @description With `project_id`: the quotas that hold for that project, its own and its organization-wide ones.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    organization_id?: string;
                    project_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                organization_id?: string;
                                /** @description null: the quota holds for the whole organization. */
                                project_id?: string | null;
                                /** @description A limit component type (e.g. `cpu`): the quota caps the total of its limits across live resources. */
                                component?: string | null;
                                /** @description The quota caps the number of live resources of this offering. */
                                offering_id?: string | null;
                                limit?: number;
                                /** @description What the scope holds now: the total of the limits (or the number of resources) of resources not terminated, open orders included. */
                                usage?: number;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Set a quota on an organization or one of its projects (the organization's owners, staff)
         * @description Give `organization_id` or `project_id`, and `component` (a limit component type) or `offering_id` (a number of resources). A quota below its usage takes no new orders but keeps what is there.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organization_id?: string;
                        project_id?: string;
                        component?: string;
                        /** @description Offering id or slug. */
                        offering_id?: string;
                        /** @description The most the scope may hold. */
                        limit: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            /** @description null: the quota holds for the whole organization. */
                            project_id?: string | null;
                            /** @description A limit component type (e.g. `cpu`): the quota caps the total of its limits across live resources. */
                            component?: string | null;
                            /** @description The quota caps the number of live resources of this offering. */
                            offering_id?: string | null;
                            limit?: number;
                            /** @description What the scope holds now: the total of the limits (or the number of resources) of resources not terminated, open orders included. */
                            usage?: number;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quotas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a quota with its usage */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            /** @description null: the quota holds for the whole organization. */
                            project_id?: string | null;
                            /** @description A limit component type (e.g. `cpu`): the quota caps the total of its limits across live resources. */
                            component?: string | null;
                            /** @description The quota caps the number of live resources of this offering. */
                            offering_id?: string | null;
                            limit?: number;
                            /** @description What the scope holds now: the total of the limits (or the number of resources) of resources not terminated, open orders included. */
                            usage?: number;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a quota (the organization's owners, staff) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a quota's limit (the organization's owners, staff) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The most the scope may hold. */
                        limit: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            /** @description null: the quota holds for the whole organization. */
                            project_id?: string | null;
                            /** @description A limit component type (e.g. `cpu`): the quota caps the total of its limits across live resources. */
                            component?: string | null;
                            /** @description The quota caps the number of live resources of this offering. */
                            offering_id?: string | null;
                            limit?: number;
                            /** @description What the scope holds now: the total of the limits (or the number of resources) of resources not terminated, open orders included. */
                            usage?: number;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List resources the caller may see (never with secret outputs) */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    project_id?: string;
                    offering_id?: string;
                    state?: "Creating" | "OK" | "Paused" | "Updating" | "Terminating" | "Terminated" | "Erred";
                    name?: string;
                    backend_id?: string;
                    /** @description Also list those of deleted projects and offerings (kept as history). */
                    include_deleted?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                name?: string;
                                project_id?: string;
                                offering_id?: string;
                                plan_id?: string;
                                version?: string;
                                /** @description The configuration, without its secret properties. */
                                attributes?: {
                                    [key: string]: unknown;
                                };
                                /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                                secret_attribute_paths?: string[];
                                limits?: {
                                    [key: string]: number;
                                };
                                /** @enum {string} */
                                state?: "Creating" | "OK" | "Paused" | "Updating" | "Terminating" | "Terminated" | "Erred";
                                backend_id?: string;
                                outputs?: {
                                    [key: string]: unknown;
                                };
                                /** @description What the offering's plugin last reported of the resource on its backend (never secrets). */
                                backend_state?: {
                                    [key: string]: unknown;
                                };
                                /** @description Why the resource is Erred; '' otherwise. */
                                error_message?: string;
                                /** @description When the plugin last reported the resource as it is on its backend; null before. */
                                pulled_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a resource with its monthly cost estimate at current prices; its consumers also see its secret outputs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            project_id?: string;
                            offering_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            state?: "Creating" | "OK" | "Paused" | "Updating" | "Terminating" | "Terminated" | "Erred";
                            backend_id?: string;
                            outputs?: {
                                [key: string]: unknown;
                            };
                            /** @description What the offering's plugin last reported of the resource on its backend (never secrets). */
                            backend_state?: {
                                [key: string]: unknown;
                            };
                            /** @description Why the resource is Erred; '' otherwise. */
                            error_message?: string;
                            /** @description When the plugin last reported the resource as it is on its backend; null before. */
                            pulled_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            secret_outputs?: {
                                [key: string]: unknown;
                            };
                            /** @description What the resource costs each month with its plan's current prices and its current limits (unlike an order's `cost_estimate`, the estimate when it was placed); null when it has no plan. */
                            cost_estimate?: {
                                /** @description ISO 4217 code: the plan's currency. */
                                currency: string;
                                /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                                monthly_total: string;
                                /** @description Charged once, when the resource is created; not in `monthly_total`. */
                                one_time_total: string;
                                components: {
                                    type?: string;
                                    name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                    quantity?: string;
                                    /** @description The plan's price of the component, a decimal string. */
                                    unit_price?: string;
                                    /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                    /** @description `monthly` or `one-time`: which total has the amount. */
                                    charged?: string;
                                    /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                    note?: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a resource (no order needed) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            project_id?: string;
                            offering_id?: string;
                            plan_id?: string;
                            version?: string;
                            /** @description The configuration, without its secret properties. */
                            attributes?: {
                                [key: string]: unknown;
                            };
                            /** @description The secret properties of `attributes` that are set (`writeOnly` or `format: password` in the version schema), by path: their values are write-only, never returned. */
                            secret_attribute_paths?: string[];
                            limits?: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            state?: "Creating" | "OK" | "Paused" | "Updating" | "Terminating" | "Terminated" | "Erred";
                            backend_id?: string;
                            outputs?: {
                                [key: string]: unknown;
                            };
                            /** @description What the offering's plugin last reported of the resource on its backend (never secrets). */
                            backend_state?: {
                                [key: string]: unknown;
                            };
                            /** @description Why the resource is Erred; '' otherwise. */
                            error_message?: string;
                            /** @description When the plugin last reported the resource as it is on its backend; null before. */
                            pulled_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/resources/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resource's reported usage in a month, per component and report, with each component's total */
        get: {
            parameters: {
                query?: {
                    /** @description A calendar month in UTC, `YYYY-MM`; this month by default. */
                    period?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period?: string;
                            items?: {
                                /** @description The offering component's type. */
                                component?: string;
                                /** @description A decimal number, exactly as reported. */
                                amount?: string;
                                /** @description `pull` for what the plugin reported. */
                                report_id?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            /** @description Per component, what invoices bill. */
                            totals?: {
                                component?: string;
                                /** @description The sum of the month's reports of the component, a decimal string. */
                                amount?: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit events */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    object_id?: string;
                    object_type?: string;
                    action?: string;
                    organization_id?: string;
                    project_id?: string;
                    actor_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                /** Format: date-time */
                                created_at?: string;
                                actor_id?: string | null;
                                action?: string;
                                object_type?: string;
                                object_id?: string;
                                organization_id?: string | null;
                                project_id?: string | null;
                                provider_organization_id?: string | null;
                                changes?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the provisioning plugins this server has, with the schemas of their options */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                /** @description What an offering's `type` names to use it. */
                                type?: string;
                                description?: string;
                                /** @description JSON Schema of the offering's `plugin_options`. */
                                options_schema?: {
                                    [key: string]: unknown;
                                };
                                /** @description JSON Schema of the offering's `secret_options` (write-only values). */
                                secret_options_schema?: {
                                    [key: string]: unknown;
                                };
                                /** @description The management orders it can carry out besides create, update and terminate; an offering may carry out fewer (a `script` offering, those it has commands for). */
                                actions?: ("pause" | "resume" | "restart")[];
                                /** @description Whether it reports resources as they are on the backend (state, outputs, usage) on the server's schedule. */
                                pulls?: boolean;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{namespace}/{name}/{system}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a module version (owners and service managers of the namespace organization)
         * @description The body is the module archive: its folder packed as a gzip-compressed tar (.tar.gz), the module's files at its root, at most 10485760 bytes (`mercato module publish DIR` packs and sends it). Content-Type: application/gzip, application/x-gzip, application/octet-stream. The module is read on the way in (variables, outputs, required providers, README); an archive that is broken or unsafe, or a folder that is not a valid module, is refused naming the file and line.
         */
        post: {
            parameters: {
                query: {
                    /** @description The semantic version, e.g. `1.2.0`. */
                    version: string;
                    /** @description `public`: anyone may read and install it, without a token. `private`: only members of its organization or of one of its projects (and staff). Omitted: a new module is public, an existing one keeps its visibility. */
                    visibility?: "public" | "private";
                };
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                };
                cookie?: never;
            };
            /** @description The .tar.gz archive. */
            requestBody: {
                content: {
                    "application/gzip": string;
                    "application/x-gzip": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version?: string;
                            /** @description Hex SHA-256 of the archive. */
                            sha256?: string;
                            /** @description Bytes of the archive (.tar.gz). */
                            size?: number;
                            published_by?: string;
                            /** Format: date-time */
                            published_at?: string;
                            /** @description Hidden from `terraform init` (its versions list); still downloadable by version. */
                            yanked?: boolean;
                            /** Format: date-time */
                            yanked_at?: string | null;
                            yanked_by?: string | null;
                            deprecated?: boolean;
                            deprecation_message?: string;
                            /** Format: date-time */
                            deprecated_at?: string | null;
                            deprecated_by?: string | null;
                            module?: {
                                id?: string;
                                organization_id?: string;
                                /** @description Its organization's slug. */
                                namespace?: string;
                                name?: string;
                                system?: string;
                                /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                                path?: string;
                                /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /** @enum {string} */
                                visibility?: "public" | "private";
                                /** @description The first paragraph of the latest version's README. */
                                description?: string;
                                /** @description The highest version not yanked; empty when none. */
                                latest_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            };
                            metadata?: {
                                /** @description The module's variables. */
                                inputs?: {
                                    name?: string;
                                    /** @description The type constraint as written; null: any type. */
                                    type?: string | null;
                                    description?: string;
                                    /** @description No default: a caller must set it. */
                                    required?: boolean;
                                    /** @description The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`. */
                                    default?: unknown;
                                    sensitive?: boolean;
                                    nullable?: boolean;
                                    validations?: {
                                        condition?: string;
                                        error_message?: string;
                                    }[];
                                }[];
                                /** @description The module's outputs. */
                                outputs?: {
                                    name?: string;
                                    description?: string;
                                    sensitive?: boolean;
                                }[];
                                required_providers?: {
                                    name?: string;
                                    source?: string;
                                    version?: string;
                                }[];
                                /** @description The Terraform versions it requires; null when it says none. */
                                required_version?: string | null;
                                /** @description The README of the module's root folder (Markdown). */
                                readme?: string;
                                /** @description Folders under examples/. */
                                examples?: string[];
                                /** @description Folders under modules/ (nested modules). */
                                submodules?: string[];
                                /** @description The configuration files of the root module. */
                                files?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search modules
         * @description Public modules, and the private ones of organizations the caller has a role in (or in one of their projects).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description Keywords, each found in the namespace, name, system or description. */
                    q?: string;
                    /** @description An organization's slug. */
                    namespace?: string;
                    organization_id?: string;
                    system?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                organization_id?: string;
                                /** @description Its organization's slug. */
                                namespace?: string;
                                name?: string;
                                system?: string;
                                /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                                path?: string;
                                /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /** @enum {string} */
                                visibility?: "public" | "private";
                                /** @description The first paragraph of the latest version's README. */
                                description?: string;
                                /** @description The highest version not yanked; empty when none. */
                                latest_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{namespace}/{name}/{system}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a module: its versions and its latest version's inputs, outputs and README */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            /** @description Its organization's slug. */
                            namespace?: string;
                            name?: string;
                            system?: string;
                            /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                            path?: string;
                            /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                            source?: string | null;
                            /** @enum {string} */
                            visibility?: "public" | "private";
                            /** @description The first paragraph of the latest version's README. */
                            description?: string;
                            /** @description The highest version not yanked; empty when none. */
                            latest_version?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            /** @description Highest first, yanked ones too. */
                            versions?: {
                                version?: string;
                                /** @description Hex SHA-256 of the archive. */
                                sha256?: string;
                                /** @description Bytes of the archive (.tar.gz). */
                                size?: number;
                                published_by?: string;
                                /** Format: date-time */
                                published_at?: string;
                                /** @description Hidden from `terraform init` (its versions list); still downloadable by version. */
                                yanked?: boolean;
                                /** Format: date-time */
                                yanked_at?: string | null;
                                yanked_by?: string | null;
                                deprecated?: boolean;
                                deprecation_message?: string;
                                /** Format: date-time */
                                deprecated_at?: string | null;
                                deprecated_by?: string | null;
                            }[];
                            /** @description What the latest version holds; null when every version is yanked. */
                            latest?: {
                                version?: string;
                                /** @description The module's variables. */
                                inputs?: {
                                    name?: string;
                                    /** @description The type constraint as written; null: any type. */
                                    type?: string | null;
                                    description?: string;
                                    /** @description No default: a caller must set it. */
                                    required?: boolean;
                                    /** @description The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`. */
                                    default?: unknown;
                                    sensitive?: boolean;
                                    nullable?: boolean;
                                    validations?: {
                                        condition?: string;
                                        error_message?: string;
                                    }[];
                                }[];
                                /** @description The module's outputs. */
                                outputs?: {
                                    name?: string;
                                    description?: string;
                                    sensitive?: boolean;
                                }[];
                                required_providers?: {
                                    name?: string;
                                    source?: string;
                                    version?: string;
                                }[];
                                /** @description The Terraform versions it requires; null when it says none. */
                                required_version?: string | null;
                                /** @description The README of the module's root folder (Markdown). */
                                readme?: string;
                                /** @description Folders under examples/. */
                                examples?: string[];
                                /** @description Folders under modules/ (nested modules). */
                                submodules?: string[];
                                /** @description The configuration files of the root module. */
                                files?: string[];
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set a module's visibility (owners and service managers of its organization) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `public`: anyone may read and install it, without a token. `private`: only members of its organization or of one of its projects (and staff).
                         * @enum {string}
                         */
                        visibility: "public" | "private";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            /** @description Its organization's slug. */
                            namespace?: string;
                            name?: string;
                            system?: string;
                            /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                            path?: string;
                            /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                            source?: string | null;
                            /** @enum {string} */
                            visibility?: "public" | "private";
                            /** @description The first paragraph of the latest version's README. */
                            description?: string;
                            /** @description The highest version not yanked; empty when none. */
                            latest_version?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/modules/{namespace}/{name}/{system}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a module version with everything read from its archive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                    /** @description A published version, e.g. `1.2.0`. */
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version?: string;
                            /** @description Hex SHA-256 of the archive. */
                            sha256?: string;
                            /** @description Bytes of the archive (.tar.gz). */
                            size?: number;
                            published_by?: string;
                            /** Format: date-time */
                            published_at?: string;
                            /** @description Hidden from `terraform init` (its versions list); still downloadable by version. */
                            yanked?: boolean;
                            /** Format: date-time */
                            yanked_at?: string | null;
                            yanked_by?: string | null;
                            deprecated?: boolean;
                            deprecation_message?: string;
                            /** Format: date-time */
                            deprecated_at?: string | null;
                            deprecated_by?: string | null;
                            module?: {
                                id?: string;
                                organization_id?: string;
                                /** @description Its organization's slug. */
                                namespace?: string;
                                name?: string;
                                system?: string;
                                /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                                path?: string;
                                /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /** @enum {string} */
                                visibility?: "public" | "private";
                                /** @description The first paragraph of the latest version's README. */
                                description?: string;
                                /** @description The highest version not yanked; empty when none. */
                                latest_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            };
                            metadata?: {
                                /** @description The module's variables. */
                                inputs?: {
                                    name?: string;
                                    /** @description The type constraint as written; null: any type. */
                                    type?: string | null;
                                    description?: string;
                                    /** @description No default: a caller must set it. */
                                    required?: boolean;
                                    /** @description The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`. */
                                    default?: unknown;
                                    sensitive?: boolean;
                                    nullable?: boolean;
                                    validations?: {
                                        condition?: string;
                                        error_message?: string;
                                    }[];
                                }[];
                                /** @description The module's outputs. */
                                outputs?: {
                                    name?: string;
                                    description?: string;
                                    sensitive?: boolean;
                                }[];
                                required_providers?: {
                                    name?: string;
                                    source?: string;
                                    version?: string;
                                }[];
                                /** @description The Terraform versions it requires; null when it says none. */
                                required_version?: string | null;
                                /** @description The README of the module's root folder (Markdown). */
                                readme?: string;
                                /** @description Folders under examples/. */
                                examples?: string[];
                                /** @description Folders under modules/ (nested modules). */
                                submodules?: string[];
                                /** @description The configuration files of the root module. */
                                files?: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{namespace}/{name}/{system}/versions/{version}/yank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Yank a version: `terraform init` no longer chooses it (it stays downloadable by exact version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                    /** @description A published version, e.g. `1.2.0`. */
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version?: string;
                            /** @description Hex SHA-256 of the archive. */
                            sha256?: string;
                            /** @description Bytes of the archive (.tar.gz). */
                            size?: number;
                            published_by?: string;
                            /** Format: date-time */
                            published_at?: string;
                            /** @description Hidden from `terraform init` (its versions list); still downloadable by version. */
                            yanked?: boolean;
                            /** Format: date-time */
                            yanked_at?: string | null;
                            yanked_by?: string | null;
                            deprecated?: boolean;
                            deprecation_message?: string;
                            /** Format: date-time */
                            deprecated_at?: string | null;
                            deprecated_by?: string | null;
                            module?: {
                                id?: string;
                                organization_id?: string;
                                /** @description Its organization's slug. */
                                namespace?: string;
                                name?: string;
                                system?: string;
                                /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                                path?: string;
                                /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /** @enum {string} */
                                visibility?: "public" | "private";
                                /** @description The first paragraph of the latest version's README. */
                                description?: string;
                                /** @description The highest version not yanked; empty when none. */
                                latest_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            };
                            metadata?: {
                                /** @description The module's variables. */
                                inputs?: {
                                    name?: string;
                                    /** @description The type constraint as written; null: any type. */
                                    type?: string | null;
                                    description?: string;
                                    /** @description No default: a caller must set it. */
                                    required?: boolean;
                                    /** @description The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`. */
                                    default?: unknown;
                                    sensitive?: boolean;
                                    nullable?: boolean;
                                    validations?: {
                                        condition?: string;
                                        error_message?: string;
                                    }[];
                                }[];
                                /** @description The module's outputs. */
                                outputs?: {
                                    name?: string;
                                    description?: string;
                                    sensitive?: boolean;
                                }[];
                                required_providers?: {
                                    name?: string;
                                    source?: string;
                                    version?: string;
                                }[];
                                /** @description The Terraform versions it requires; null when it says none. */
                                required_version?: string | null;
                                /** @description The README of the module's root folder (Markdown). */
                                readme?: string;
                                /** @description Folders under examples/. */
                                examples?: string[];
                                /** @description Folders under modules/ (nested modules). */
                                submodules?: string[];
                                /** @description The configuration files of the root module. */
                                files?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{namespace}/{name}/{system}/versions/{version}/unyank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back a yank */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                    /** @description A published version, e.g. `1.2.0`. */
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version?: string;
                            /** @description Hex SHA-256 of the archive. */
                            sha256?: string;
                            /** @description Bytes of the archive (.tar.gz). */
                            size?: number;
                            published_by?: string;
                            /** Format: date-time */
                            published_at?: string;
                            /** @description Hidden from `terraform init` (its versions list); still downloadable by version. */
                            yanked?: boolean;
                            /** Format: date-time */
                            yanked_at?: string | null;
                            yanked_by?: string | null;
                            deprecated?: boolean;
                            deprecation_message?: string;
                            /** Format: date-time */
                            deprecated_at?: string | null;
                            deprecated_by?: string | null;
                            module?: {
                                id?: string;
                                organization_id?: string;
                                /** @description Its organization's slug. */
                                namespace?: string;
                                name?: string;
                                system?: string;
                                /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                                path?: string;
                                /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /** @enum {string} */
                                visibility?: "public" | "private";
                                /** @description The first paragraph of the latest version's README. */
                                description?: string;
                                /** @description The highest version not yanked; empty when none. */
                                latest_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            };
                            metadata?: {
                                /** @description The module's variables. */
                                inputs?: {
                                    name?: string;
                                    /** @description The type constraint as written; null: any type. */
                                    type?: string | null;
                                    description?: string;
                                    /** @description No default: a caller must set it. */
                                    required?: boolean;
                                    /** @description The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`. */
                                    default?: unknown;
                                    sensitive?: boolean;
                                    nullable?: boolean;
                                    validations?: {
                                        condition?: string;
                                        error_message?: string;
                                    }[];
                                }[];
                                /** @description The module's outputs. */
                                outputs?: {
                                    name?: string;
                                    description?: string;
                                    sensitive?: boolean;
                                }[];
                                required_providers?: {
                                    name?: string;
                                    source?: string;
                                    version?: string;
                                }[];
                                /** @description The Terraform versions it requires; null when it says none. */
                                required_version?: string | null;
                                /** @description The README of the module's root folder (Markdown). */
                                readme?: string;
                                /** @description Folders under examples/. */
                                examples?: string[];
                                /** @description Folders under modules/ (nested modules). */
                                submodules?: string[];
                                /** @description The configuration files of the root module. */
                                files?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{namespace}/{name}/{system}/versions/{version}/deprecate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deprecate a version with a message (it is still installed; the registry shows the message) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                    /** @description A published version, e.g. `1.2.0`. */
                    version: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why, and what to use instead. */
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version?: string;
                            /** @description Hex SHA-256 of the archive. */
                            sha256?: string;
                            /** @description Bytes of the archive (.tar.gz). */
                            size?: number;
                            published_by?: string;
                            /** Format: date-time */
                            published_at?: string;
                            /** @description Hidden from `terraform init` (its versions list); still downloadable by version. */
                            yanked?: boolean;
                            /** Format: date-time */
                            yanked_at?: string | null;
                            yanked_by?: string | null;
                            deprecated?: boolean;
                            deprecation_message?: string;
                            /** Format: date-time */
                            deprecated_at?: string | null;
                            deprecated_by?: string | null;
                            module?: {
                                id?: string;
                                organization_id?: string;
                                /** @description Its organization's slug. */
                                namespace?: string;
                                name?: string;
                                system?: string;
                                /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                                path?: string;
                                /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /** @enum {string} */
                                visibility?: "public" | "private";
                                /** @description The first paragraph of the latest version's README. */
                                description?: string;
                                /** @description The highest version not yanked; empty when none. */
                                latest_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            };
                            metadata?: {
                                /** @description The module's variables. */
                                inputs?: {
                                    name?: string;
                                    /** @description The type constraint as written; null: any type. */
                                    type?: string | null;
                                    description?: string;
                                    /** @description No default: a caller must set it. */
                                    required?: boolean;
                                    /** @description The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`. */
                                    default?: unknown;
                                    sensitive?: boolean;
                                    nullable?: boolean;
                                    validations?: {
                                        condition?: string;
                                        error_message?: string;
                                    }[];
                                }[];
                                /** @description The module's outputs. */
                                outputs?: {
                                    name?: string;
                                    description?: string;
                                    sensitive?: boolean;
                                }[];
                                required_providers?: {
                                    name?: string;
                                    source?: string;
                                    version?: string;
                                }[];
                                /** @description The Terraform versions it requires; null when it says none. */
                                required_version?: string | null;
                                /** @description The README of the module's root folder (Markdown). */
                                readme?: string;
                                /** @description Folders under examples/. */
                                examples?: string[];
                                /** @description Folders under modules/ (nested modules). */
                                submodules?: string[];
                                /** @description The configuration files of the root module. */
                                files?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{namespace}/{name}/{system}/versions/{version}/undeprecate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back a deprecation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The module's namespace: its organization's slug. */
                    namespace: string;
                    /** @description The module's name: 1 to 64 letters, digits, `-` and `_`. */
                    name: string;
                    /** @description The system the module targets (Terraform's "provider" part of a module address, e.g. `aws`): 1 to 64 lowercase letters and digits. */
                    system: string;
                    /** @description A published version, e.g. `1.2.0`. */
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version?: string;
                            /** @description Hex SHA-256 of the archive. */
                            sha256?: string;
                            /** @description Bytes of the archive (.tar.gz). */
                            size?: number;
                            published_by?: string;
                            /** Format: date-time */
                            published_at?: string;
                            /** @description Hidden from `terraform init` (its versions list); still downloadable by version. */
                            yanked?: boolean;
                            /** Format: date-time */
                            yanked_at?: string | null;
                            yanked_by?: string | null;
                            deprecated?: boolean;
                            deprecation_message?: string;
                            /** Format: date-time */
                            deprecated_at?: string | null;
                            deprecated_by?: string | null;
                            module?: {
                                id?: string;
                                organization_id?: string;
                                /** @description Its organization's slug. */
                                namespace?: string;
                                name?: string;
                                system?: string;
                                /** @description `namespace/name/system`: a module source is `<registry host>/<path>`. */
                                path?: string;
                                /** @description The `source` of a `module` block: the registry's host (this server's HTTPS listener, as the request reached it) and the path; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /** @enum {string} */
                                visibility?: "public" | "private";
                                /** @description The first paragraph of the latest version's README. */
                                description?: string;
                                /** @description The highest version not yanked; empty when none. */
                                latest_version?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            };
                            metadata?: {
                                /** @description The module's variables. */
                                inputs?: {
                                    name?: string;
                                    /** @description The type constraint as written; null: any type. */
                                    type?: string | null;
                                    description?: string;
                                    /** @description No default: a caller must set it. */
                                    required?: boolean;
                                    /** @description The default value, when it has one and the input is not sensitive; HCL expressions as `${...}`. */
                                    default?: unknown;
                                    sensitive?: boolean;
                                    nullable?: boolean;
                                    validations?: {
                                        condition?: string;
                                        error_message?: string;
                                    }[];
                                }[];
                                /** @description The module's outputs. */
                                outputs?: {
                                    name?: string;
                                    description?: string;
                                    sensitive?: boolean;
                                }[];
                                required_providers?: {
                                    name?: string;
                                    source?: string;
                                    version?: string;
                                }[];
                                /** @description The Terraform versions it requires; null when it says none. */
                                required_version?: string | null;
                                /** @description The README of the module's root folder (Markdown). */
                                readme?: string;
                                /** @description Folders under examples/. */
                                examples?: string[];
                                /** @description Folders under modules/ (nested modules). */
                                submodules?: string[];
                                /** @description The configuration files of the root module. */
                                files?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/terraform-states/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a state (Terraform's http backend)
         * @description The current version of the state, for Terraform. Project managers, the organization's owners and staff get the state file as it was written; project members get a state of the same serial and lineage with only its outputs that are not sensitive (what `terraform_remote_state` and `terraform output` read), no resources. A resource's state (`resource-<resource id>`, kept by the `terraform` plugin) is read so by everyone; only the plugin's runs write, lock or read it whole. 404 when the state has no version.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * Write a new version of a state (Terraform's http backend)
         * @description The body is the state file (JSON, format version 4). Refused with 423 while another lock than `ID` is held, with 409 when `ID` names a lock no longer held or when the state has the lineage of the current version and a lower serial. Answers the version written.
         */
        post: {
            parameters: {
                query?: {
                    /** @description The lock's ID, while Terraform holds it. */
                    ID?: string;
                };
                header?: never;
                path: {
                    id: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /**
         * Delete a state (Terraform's http backend)
         * @description The state has no current version any more; its versions are kept, and a write or a restore brings it back. Refused with 423 while locked by another lock than `ID`.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description The lock's ID, while Terraform holds it. */
                    ID?: string;
                };
                header?: never;
                path: {
                    id: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terraform-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the Terraform states of the projects the caller sees */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    project_id?: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name?: string;
                    /** @description Also states deleted by Terraform (their versions are kept) and states never written. */
                    include_deleted?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                project_id?: string;
                                organization_id?: string;
                                name?: string;
                                /** @description Number of the current version; null when deleted or never written. */
                                version?: number | null;
                                serial?: number | null;
                                lineage?: string | null;
                                terraform_version?: string | null;
                                /** @description Bytes of the current version. */
                                size?: number | null;
                                /** @description When the current version was written. */
                                updated_at?: string | null;
                                /** @description Who wrote the current version (user id). */
                                updated_by?: string | null;
                                updated_by_username?: string | null;
                                /** @description The lock a Terraform run holds, as Terraform described it; null when unlocked. */
                                lock?: {
                                    /** @description Terraform's lock ID (what `terraform force-unlock` takes). */
                                    id?: string;
                                    operation?: string;
                                    /** @description user@host of the machine that runs Terraform. */
                                    who?: string;
                                    /** @description Terraform version. */
                                    version?: string;
                                    created?: string;
                                    info?: string;
                                    locked_by?: string;
                                    locked_by_username?: string | null;
                                    /** Format: date-time */
                                    locked_at?: string;
                                } | null;
                                /** Format: date-time */
                                created_at?: string;
                                deleted_at?: string | null;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terraform-states/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a Terraform state by id: its current version and its lock */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            project_id?: string;
                            organization_id?: string;
                            name?: string;
                            /** @description Number of the current version; null when deleted or never written. */
                            version?: number | null;
                            serial?: number | null;
                            lineage?: string | null;
                            terraform_version?: string | null;
                            /** @description Bytes of the current version. */
                            size?: number | null;
                            /** @description When the current version was written. */
                            updated_at?: string | null;
                            /** @description Who wrote the current version (user id). */
                            updated_by?: string | null;
                            updated_by_username?: string | null;
                            /** @description The lock a Terraform run holds, as Terraform described it; null when unlocked. */
                            lock?: {
                                /** @description Terraform's lock ID (what `terraform force-unlock` takes). */
                                id?: string;
                                operation?: string;
                                /** @description user@host of the machine that runs Terraform. */
                                who?: string;
                                /** @description Terraform version. */
                                version?: string;
                                created?: string;
                                info?: string;
                                locked_by?: string;
                                locked_by_username?: string | null;
                                /** Format: date-time */
                                locked_at?: string;
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            deleted_at?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/terraform-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's Terraform states with their latest serial and lock */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name?: string;
                    /** @description Also states deleted by Terraform (their versions are kept) and states never written. */
                    include_deleted?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                project_id?: string;
                                organization_id?: string;
                                name?: string;
                                /** @description Number of the current version; null when deleted or never written. */
                                version?: number | null;
                                serial?: number | null;
                                lineage?: string | null;
                                terraform_version?: string | null;
                                /** @description Bytes of the current version. */
                                size?: number | null;
                                /** @description When the current version was written. */
                                updated_at?: string | null;
                                /** @description Who wrote the current version (user id). */
                                updated_by?: string | null;
                                updated_by_username?: string | null;
                                /** @description The lock a Terraform run holds, as Terraform described it; null when unlocked. */
                                lock?: {
                                    /** @description Terraform's lock ID (what `terraform force-unlock` takes). */
                                    id?: string;
                                    operation?: string;
                                    /** @description user@host of the machine that runs Terraform. */
                                    who?: string;
                                    /** @description Terraform version. */
                                    version?: string;
                                    created?: string;
                                    info?: string;
                                    locked_by?: string;
                                    locked_by_username?: string | null;
                                    /** Format: date-time */
                                    locked_at?: string;
                                } | null;
                                /** Format: date-time */
                                created_at?: string;
                                deleted_at?: string | null;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/terraform-states/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a state's versions, oldest first: serial, lineage, digests, who wrote each and when */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                state_id?: string;
                                /** @description 1 for the state's first version, then one more for each. */
                                number?: number;
                                serial?: number;
                                lineage?: string;
                                terraform_version?: string;
                                sha256?: string;
                                md5?: string;
                                /** @description Bytes. */
                                size?: number;
                                /** @description The version this one restored; null for a write by Terraform. */
                                restored_from?: number | null;
                                created_by?: string;
                                created_by_username?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/terraform-states/{name}/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a version of a state: its facts, its outputs (sensitive ones masked) and its resources */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            state_id?: string;
                            /** @description 1 for the state's first version, then one more for each. */
                            number?: number;
                            serial?: number;
                            lineage?: string;
                            terraform_version?: string;
                            sha256?: string;
                            md5?: string;
                            /** @description Bytes. */
                            size?: number;
                            /** @description The version this one restored; null for a write by Terraform. */
                            restored_from?: number | null;
                            created_by?: string;
                            created_by_username?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            current?: boolean;
                            /** @description Outputs by name: `type`, `sensitive`, `value` (`********` when sensitive). */
                            outputs?: {
                                [key: string]: {
                                    type?: unknown;
                                    sensitive?: boolean;
                                    value?: unknown;
                                };
                            };
                            resources?: {
                                address?: string;
                                mode?: string;
                                type?: string;
                                name?: string;
                                provider?: string;
                                instances?: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/terraform-states/{name}/versions/{number}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the state file of a version
         * @description As Terraform reads the current one: the file as written for the project's managers, the organization's owners and staff; for project members, a state with only the outputs that are not sensitive.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/terraform-states/{name}/versions/{number}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make an old version of a state the current one (manager)
         * @description Adds a version with the old version's content and a serial past every serial the state had (Terraform's next write goes on from it). Refused with 423 while a Terraform run holds the lock, unless `lock_id` is that lock's ID.
         */
        post: {
            parameters: {
                query?: {
                    lock_id?: string;
                };
                header?: never;
                path: {
                    id: string;
                    /** @description The state's name in its project: letters, digits, ".", "_" and "-", starting with a letter or digit. */
                    name: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            state_id?: string;
                            /** @description 1 for the state's first version, then one more for each. */
                            number?: number;
                            serial?: number;
                            lineage?: string;
                            terraform_version?: string;
                            sha256?: string;
                            md5?: string;
                            /** @description Bytes. */
                            size?: number;
                            /** @description The version this one restored; null for a write by Terraform. */
                            restored_from?: number | null;
                            created_by?: string;
                            created_by_username?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-estimates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate the monthly cost of a plan with chosen limits
         * @description Per component by its billing type: `fixed` the plan's price per month, `limit` the price per unit times the limit, `usage` 0 (not estimable in advance; see `note`), `one-time` in `one_time_total`, apart from `monthly_total`. Amounts are decimal strings in the plan's currency, rounded once, half-up, to its minor unit.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        offering_id: string;
                        plan_id: string;
                        /** @description Chosen limits of the `limit` components, by component type (as on an order). */
                        limits?: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ISO 4217 code: the plan's currency. */
                            currency: string;
                            /** @description Each month's amount of the components charged monthly, a decimal string with the currency's minor unit (`"42.50"`). */
                            monthly_total: string;
                            /** @description Charged once, when the resource is created; not in `monthly_total`. */
                            one_time_total: string;
                            components: {
                                type?: string;
                                name?: string;
                                /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                billing_type?: string;
                                measured_unit?: string;
                                /** @description Units charged: 1 (fixed, one-time), the limit (limit), 0 (usage). */
                                quantity?: string;
                                /** @description The plan's price of the component, a decimal string. */
                                unit_price?: string;
                                /** @description quantity × unit_price, rounded once, half-up, to the currency's minor unit. */
                                amount?: string;
                                /** @description `monthly` or `one-time`: which total has the amount. */
                                charged?: string;
                                /** @description Why an amount is not what it will be (usage: not estimable in advance). */
                                note?: string;
                            }[];
                            offering_id?: string;
                            plan_id?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/usage-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a resource's usage of a usage component in a month (its provider)
         * @description The same `report_id` replaces the amount it reported before (never adds to it); different report ids add up, as invoices sum a month's reports. Without `report_id`: `default`, one report per resource, component and month. `pull` is kept for what the offering's plugin pulls. Refused: a component that is not a usage component of the offering (422), a negative or malformed amount (400), a period before the month the resource was created or after the month it was terminated or the current one (422), a closed month (409). Only the offering's provider (owners, service managers) and staff report; 201 for a new report, 200 for a replaced one.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        resource_id: string;
                        component: string;
                        /** @description A calendar month in UTC, `YYYY-MM`. */
                        period: string;
                        /** @description A non-negative decimal: a JSON number or a decimal string such as `"0.015"` (at most 20 digits each side of the point). */
                        amount: number | string;
                        /** @description The report's own id (letters, digits, `._:-`, at most 100); `default` when not given. */
                        report_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            resource_id?: string;
                            /** @description The offering's usage component's type. */
                            component?: string;
                            /** @description A calendar month in UTC, `YYYY-MM`. */
                            period?: string;
                            report_id?: string;
                            /** @description A decimal string, without trailing zeros: `"12.5"`. */
                            amount?: string;
                            /** @description The user who reported it last; null for a plugin. */
                            reported_by?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            resource_id?: string;
                            /** @description The offering's usage component's type. */
                            component?: string;
                            /** @description A calendar month in UTC, `YYYY-MM`. */
                            period?: string;
                            report_id?: string;
                            /** @description A decimal string, without trailing zeros: `"12.5"`. */
                            amount?: string;
                            /** @description The user who reported it last; null for a plugin. */
                            reported_by?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organization's invoices (its owners, staff)
         * @description With `period`: that month's invoice (`final` when the month is closed, else `pending`; no charges: no items, totals []). Without: the organization's final invoices, newest month first, after the current month's pending one. Staff may leave out `organization_id` with `period`: every organization's invoice of that month that has charges. Items are included in every form.
         */
        get: {
            parameters: {
                query?: {
                    organization_id?: string;
                    /** @description A calendar month in UTC, `YYYY-MM`. */
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                /** @description The final invoice's id; null while pending, and for a closed month the organization owed nothing in. */
                                id: string | null;
                                organization_id: string;
                                /** @description A calendar month in UTC, `YYYY-MM`. */
                                period: string;
                                /**
                                 * @description `pending` while the month is open: computed when asked, resources still active billed to the month's end; `final` once staff closed the month.
                                 * @enum {string}
                                 */
                                state: "pending" | "final";
                                /** @description Per currency (in code order): the sum of the items' amounts. */
                                totals: {
                                    currency?: string;
                                    amount?: string;
                                }[];
                                items: {
                                    resource_id?: string;
                                    /** @description The resource as named when billed. */
                                    resource_name?: string;
                                    project_id?: string;
                                    project_name?: string;
                                    offering_id?: string;
                                    offering_name?: string;
                                    /** @description The service provider: the offering's organization. */
                                    provider_organization_id?: string;
                                    plan_id?: string;
                                    plan_name?: string;
                                    /** @description What the plan prices per: `month`, `day`, `hour` or `one-time`. */
                                    plan_unit?: string;
                                    /** @description The component's type, e.g. `cpu`. */
                                    component?: string;
                                    component_name?: string;
                                    /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                    billing_type?: string;
                                    measured_unit?: string;
                                    /** @description Units charged, a decimal string: 1 (fixed, one-time), the limit held (limit), the usage reported (usage). */
                                    quantity?: string;
                                    /** @description The plan's price per unit and plan unit, a decimal string. */
                                    unit_price?: string;
                                    /** @description ISO 4217 code. */
                                    currency?: string;
                                    /**
                                     * Format: date-time
                                     * @description Start of the stretch the item covers.
                                     */
                                    period_start?: string;
                                    /**
                                     * Format: date-time
                                     * @description End of the stretch (exclusive); equal to the start for one-time charges.
                                     */
                                    period_end?: string;
                                    /** @description Seconds billed (fixed, limit): active time, and paused time unless the offering leaves it free. */
                                    billed_seconds?: number;
                                    /** @description fixed/limit: quantity × unit_price × billed_seconds ÷ seconds of one plan unit (a `month` is this month's); usage and one-time: quantity × unit_price; rounded once, half-up, to the currency's minor unit. */
                                    amount?: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description When the month was closed; null while pending.
                                 */
                                closed_at: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{organization_id}/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organization's invoice of a month, as JSON or CSV (its owners, staff)
         * @description `format=csv`: text/csv (RFC 4180), a header row of the item fields, then one row per item, nothing else. Otherwise the invoice as JSON.
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    organization_id: string;
                    /** @description A calendar month in UTC, `YYYY-MM`. */
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The final invoice's id; null while pending, and for a closed month the organization owed nothing in. */
                            id: string | null;
                            organization_id: string;
                            /** @description A calendar month in UTC, `YYYY-MM`. */
                            period: string;
                            /**
                             * @description `pending` while the month is open: computed when asked, resources still active billed to the month's end; `final` once staff closed the month.
                             * @enum {string}
                             */
                            state: "pending" | "final";
                            /** @description Per currency (in code order): the sum of the items' amounts. */
                            totals: {
                                currency?: string;
                                amount?: string;
                            }[];
                            items: {
                                resource_id?: string;
                                /** @description The resource as named when billed. */
                                resource_name?: string;
                                project_id?: string;
                                project_name?: string;
                                offering_id?: string;
                                offering_name?: string;
                                /** @description The service provider: the offering's organization. */
                                provider_organization_id?: string;
                                plan_id?: string;
                                plan_name?: string;
                                /** @description What the plan prices per: `month`, `day`, `hour` or `one-time`. */
                                plan_unit?: string;
                                /** @description The component's type, e.g. `cpu`. */
                                component?: string;
                                component_name?: string;
                                /** @description `fixed`, `limit`, `usage` or `one-time`. */
                                billing_type?: string;
                                measured_unit?: string;
                                /** @description Units charged, a decimal string: 1 (fixed, one-time), the limit held (limit), the usage reported (usage). */
                                quantity?: string;
                                /** @description The plan's price per unit and plan unit, a decimal string. */
                                unit_price?: string;
                                /** @description ISO 4217 code. */
                                currency?: string;
                                /**
                                 * Format: date-time
                                 * @description Start of the stretch the item covers.
                                 */
                                period_start?: string;
                                /**
                                 * Format: date-time
                                 * @description End of the stretch (exclusive); equal to the start for one-time charges.
                                 */
                                period_end?: string;
                                /** @description Seconds billed (fixed, limit): active time, and paused time unless the offering leaves it free. */
                                billed_seconds?: number;
                                /** @description fixed/limit: quantity × unit_price × billed_seconds ÷ seconds of one plan unit (a `month` is this month's); usage and one-time: quantity × unit_price; rounded once, half-up, to the currency's minor unit. */
                                amount?: string;
                            }[];
                            /**
                             * Format: date-time
                             * @description When the month was closed; null while pending.
                             */
                            closed_at: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a month: every organization's invoice becomes final (staff)
         * @description Refused (409, `period`) before the month has ended. Writes one final invoice per organization with charges, equal to what its pending one showed, and takes no more usage reports for the month. Safe to repeat: a closed month answers 200 with what the first close wrote (201 the first time).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A calendar month in UTC, `YYYY-MM`. */
                        period: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A calendar month in UTC, `YYYY-MM`. */
                            period?: string;
                            /** Format: date-time */
                            closed_at?: string;
                            /** @description The staff user who closed the month. */
                            closed_by?: string | null;
                            /** @description Final invoices written: one per organization with charges. */
                            invoices?: number;
                            /** @description Per currency (in code order): the sum of the amounts. */
                            totals?: {
                                currency?: string;
                                amount?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A calendar month in UTC, `YYYY-MM`. */
                            period?: string;
                            /** Format: date-time */
                            closed_at?: string;
                            /** @description The staff user who closed the month. */
                            closed_by?: string | null;
                            /** @description Final invoices written: one per organization with charges. */
                            invoices?: number;
                            /** @description Per currency (in code order): the sum of the amounts. */
                            totals?: {
                                currency?: string;
                                amount?: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/earnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a service provider earns in a month, per offering (its members, staff)
         * @description Per offering of the provider billed in the month: the sums of its invoice items over every consumer organization (final items when the month is closed, else the pending figures) and the number of resources billed. No consumer's items are shown.
         */
        get: {
            parameters: {
                query: {
                    organization_id: string;
                    /** @description A calendar month in UTC, `YYYY-MM`. */
                    period: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                offering_id?: string;
                                offering_name?: string;
                                /** @description Per currency (in code order): the sum of the amounts. */
                                totals?: {
                                    currency?: string;
                                    amount?: string;
                                }[];
                                /** @description Resources of the offering billed in the month. */
                                resources?: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terraform-provider-versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a Terraform provider's versions, yanked ones too, oldest first */
        get: {
            parameters: {
                query: {
                    provider_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                provider_id?: string;
                                namespace?: string;
                                type?: string;
                                version?: string;
                                protocols?: string[];
                                platforms?: {
                                    os?: string;
                                    arch?: string;
                                    filename?: string;
                                    /** @description SHA-256 of the zip, hex. */
                                    shasum?: string;
                                    /** @description Bytes of the zip. */
                                    size?: number;
                                }[];
                                signing_key?: {
                                    /** @description The OpenPGP key id, 16 hex digits. */
                                    key_id?: string;
                                    /**
                                     * @description Who holds the key: Mercato's for the organization, the operator's, or the publisher's own.
                                     * @enum {string}
                                     */
                                    origin?: "generated" | "operator" | "publisher";
                                };
                                published_by?: string | null;
                                /** @description Hidden from the versions Terraform chooses from; still downloadable. */
                                yanked?: boolean;
                                yanked_at?: string | null;
                                yank_reason?: string;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Publish a Terraform provider version: every platform's zip at once, atomically (owners and service managers of the namespace)
         * @description The provider `<namespace>/<type>` is made on its first version. Give `shasums`, `shasums_signature` and `public_key` to publish your own signature (it must verify), or none of them to have Mercato write the SHA256SUMS and sign it with its key. A published version never changes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An organization's slug. */
                        namespace: string;
                        /** @description The provider type, e.g. `mercato`. */
                        type: string;
                        /** @description A semantic version, e.g. `1.2.3`. */
                        version: string;
                        /** @description Plugin protocol versions the provider speaks, e.g. `["6.0"]`. */
                        protocols: string[];
                        /**
                         * @description `public`: anyone installs it, no token needed. `private`: only staff and members of the organization or of its projects (a token in Terraform's credentials). Only for a new provider; default private.
                         * @enum {string}
                         */
                        visibility?: "public" | "private";
                        archives: {
                            /** @description `terraform-provider-<type>_<version>_<os>_<arch>.zip` */
                            filename: string;
                            /**
                             * Format: byte
                             * @description The zip's bytes, base64.
                             */
                            content: string;
                        }[];
                        /** @description The SHA256SUMS document. */
                        shasums?: string;
                        /**
                         * Format: byte
                         * @description Its binary detached OpenPGP signature, base64.
                         */
                        shasums_signature?: string;
                        /** @description The armored OpenPGP public key that verifies it. */
                        public_key?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            provider_id?: string;
                            namespace?: string;
                            type?: string;
                            version?: string;
                            protocols?: string[];
                            platforms?: {
                                os?: string;
                                arch?: string;
                                filename?: string;
                                /** @description SHA-256 of the zip, hex. */
                                shasum?: string;
                                /** @description Bytes of the zip. */
                                size?: number;
                            }[];
                            signing_key?: {
                                /** @description The OpenPGP key id, 16 hex digits. */
                                key_id?: string;
                                /**
                                 * @description Who holds the key: Mercato's for the organization, the operator's, or the publisher's own.
                                 * @enum {string}
                                 */
                                origin?: "generated" | "operator" | "publisher";
                            };
                            published_by?: string | null;
                            /** @description Hidden from the versions Terraform chooses from; still downloadable. */
                            yanked?: boolean;
                            yanked_at?: string | null;
                            yank_reason?: string;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terraform-providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the Terraform providers the caller may install */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page. */
                    cursor?: string;
                    /** @description An organization's slug. */
                    namespace?: string;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items?: {
                                id?: string;
                                organization_id?: string;
                                /** @description The organization's slug: the provider's address is `<host>/<namespace>/<type>`. */
                                namespace?: string;
                                type?: string;
                                /** @description The `source` of a `required_providers` entry: the registry's host (this server's HTTPS listener, as the request reached it), namespace and type; null when the server has no HTTPS listener. */
                                source?: string | null;
                                /**
                                 * @description `public`: anyone installs it, no token needed. `private`: only staff and members of the organization or of its projects (a token in Terraform's credentials).
                                 * @enum {string}
                                 */
                                visibility?: "public" | "private";
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terraform-providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a Terraform provider */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            /** @description The organization's slug: the provider's address is `<host>/<namespace>/<type>`. */
                            namespace?: string;
                            type?: string;
                            /** @description The `source` of a `required_providers` entry: the registry's host (this server's HTTPS listener, as the request reached it), namespace and type; null when the server has no HTTPS listener. */
                            source?: string | null;
                            /**
                             * @description `public`: anyone installs it, no token needed. `private`: only staff and members of the organization or of its projects (a token in Terraform's credentials).
                             * @enum {string}
                             */
                            visibility?: "public" | "private";
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a Terraform provider's visibility (owners and service managers) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `public`: anyone installs it, no token needed. `private`: only staff and members of the organization or of its projects (a token in Terraform's credentials).
                         * @enum {string}
                         */
                        visibility: "public" | "private";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            organization_id?: string;
                            /** @description The organization's slug: the provider's address is `<host>/<namespace>/<type>`. */
                            namespace?: string;
                            type?: string;
                            /** @description The `source` of a `required_providers` entry: the registry's host (this server's HTTPS listener, as the request reached it), namespace and type; null when the server has no HTTPS listener. */
                            source?: string | null;
                            /**
                             * @description `public`: anyone installs it, no token needed. `private`: only staff and members of the organization or of its projects (a token in Terraform's credentials).
                             * @enum {string}
                             */
                            visibility?: "public" | "private";
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/terraform-provider-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a Terraform provider version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            provider_id?: string;
                            namespace?: string;
                            type?: string;
                            version?: string;
                            protocols?: string[];
                            platforms?: {
                                os?: string;
                                arch?: string;
                                filename?: string;
                                /** @description SHA-256 of the zip, hex. */
                                shasum?: string;
                                /** @description Bytes of the zip. */
                                size?: number;
                            }[];
                            signing_key?: {
                                /** @description The OpenPGP key id, 16 hex digits. */
                                key_id?: string;
                                /**
                                 * @description Who holds the key: Mercato's for the organization, the operator's, or the publisher's own.
                                 * @enum {string}
                                 */
                                origin?: "generated" | "operator" | "publisher";
                            };
                            published_by?: string | null;
                            /** @description Hidden from the versions Terraform chooses from; still downloadable. */
                            yanked?: boolean;
                            yanked_at?: string | null;
                            yank_reason?: string;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terraform-provider-versions/{id}/yank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Yank a version: Terraform no longer chooses it from the versions list; its files stay downloadable (owners and service managers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            provider_id?: string;
                            namespace?: string;
                            type?: string;
                            version?: string;
                            protocols?: string[];
                            platforms?: {
                                os?: string;
                                arch?: string;
                                filename?: string;
                                /** @description SHA-256 of the zip, hex. */
                                shasum?: string;
                                /** @description Bytes of the zip. */
                                size?: number;
                            }[];
                            signing_key?: {
                                /** @description The OpenPGP key id, 16 hex digits. */
                                key_id?: string;
                                /**
                                 * @description Who holds the key: Mercato's for the organization, the operator's, or the publisher's own.
                                 * @enum {string}
                                 */
                                origin?: "generated" | "operator" | "publisher";
                            };
                            published_by?: string | null;
                            /** @description Hidden from the versions Terraform chooses from; still downloadable. */
                            yanked?: boolean;
                            yanked_at?: string | null;
                            yank_reason?: string;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terraform-provider-versions/{id}/unyank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back a yank: the version is listed again (owners and service managers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            provider_id?: string;
                            namespace?: string;
                            type?: string;
                            version?: string;
                            protocols?: string[];
                            platforms?: {
                                os?: string;
                                arch?: string;
                                filename?: string;
                                /** @description SHA-256 of the zip, hex. */
                                shasum?: string;
                                /** @description Bytes of the zip. */
                                size?: number;
                            }[];
                            signing_key?: {
                                /** @description The OpenPGP key id, 16 hex digits. */
                                key_id?: string;
                                /**
                                 * @description Who holds the key: Mercato's for the organization, the operator's, or the publisher's own.
                                 * @enum {string}
                                 */
                                origin?: "generated" | "operator" | "publisher";
                            };
                            published_by?: string | null;
                            /** @description Hidden from the versions Terraform chooses from; still downloadable. */
                            yanked?: boolean;
                            yanked_at?: string | null;
                            yank_reason?: string;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Problem */
        "def-0": {
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            instance?: string;
            errors?: {
                field?: string;
                message?: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
